using System.Text.Json.Serialization;
using VmBench.Core.Load;

namespace VmBench.Core.Results;

/// <summary>One cell of the matrix (concurrency x payload) of a benchmark: every trial's figures and their summary.</summary>
/// <param name="Trials">One entry per trial that measured the cell, in trial order; a failed one keeps its failure.</param>
public sealed record VariationResult(
    int Concurrency,
    int MessageSize,
    Status Status,
    string? Reason,
    IReadOnlyList<TrialResult> Trials,
    VariationSummary? Summary)
{
    /// <summary>
    /// The <see cref="MessageSize"/> of a cell whose protocol has no payload axis (http: a fixed GET request of about
    /// 115 bytes whatever the run's sizes), so it is measured once per concurrency and labelled without a size.
    /// </summary>
    public const int NoPayload = 0;

    /// <summary>Trials whose block was measured again at the end of the run (a slow spell of the machine): kept for the record, left out of every statistic.</summary>
    public IReadOnlyList<SupersededTrial> Superseded { get; init; } = [];

    /// <summary>"1 KiB c=50"; "c=50" for a cell without a payload axis (http).</summary>
    public string Label => LabelOf(MessageSize, Concurrency);

    public static string LabelOf(int size, int concurrency) =>
        size == NoPayload ? $"c={concurrency}" : $"{SizeLabel(size)} c={concurrency}";

    /// <summary>Chart and ranking titles: "tcpecho, 1 KiB, c=50"; "http, c=50".</summary>
    public static string TitleOf(string protocol, int size, int concurrency) =>
        size == NoPayload ? $"{protocol}, c={concurrency}" : $"{protocol}, {SizeLabel(size)}, c={concurrency}";

    /// <summary>The load results of the successful trials, in trial order: the samples every statistic is computed over.</summary>
    [JsonIgnore]
    public IReadOnlyList<LoadResult> Runs => Trials.Where(t => t.Result.Succeeded).Select(t => t.Result).ToArray();

    /// <summary>1024 -> "1 KiB", 102400 -> "100 KiB", 1048576 -> "1 MiB", 100 -> "100 B".</summary>
    public static string SizeLabel(int bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} B",
    };
}
