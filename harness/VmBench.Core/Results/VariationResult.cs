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
    public string Label => $"{SizeLabel(MessageSize)} c={Concurrency}";

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
