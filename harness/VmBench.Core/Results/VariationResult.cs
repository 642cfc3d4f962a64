using VmBench.Core.Load;
using VmBench.Core.Runtimes;

namespace VmBench.Core.Results;

/// <summary>One cell of the matrix (concurrency x payload): every repeat's figures and their summary.</summary>
/// <param name="Runs">One <see cref="LoadResult"/> per repeat, in order.</param>
/// <param name="Server">The server's CPU time spent during the variation and its peak memory, when measured.</param>
public sealed record VariationResult(
    int Concurrency,
    int MessageSize,
    Status Status,
    string? Reason,
    IReadOnlyList<LoadResult> Runs,
    VariationSummary? Summary,
    ResourceUsage? Server)
{
    public string Label => $"{SizeLabel(MessageSize)} c={Concurrency}";

    /// <summary>1024 -> "1 KiB", 102400 -> "100 KiB", 1048576 -> "1 MiB", 100 -> "100 B".</summary>
    public static string SizeLabel(int bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} B",
    };
}
