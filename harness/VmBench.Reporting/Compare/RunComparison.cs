using VmBench.Core.Results;

namespace VmBench.Reporting.Compare;

/// <summary>The comparison of two runs: rows for what both measured, and what only one of them has.</summary>
public sealed record RunComparison(
    RunResult Base,
    RunResult New,
    double ThresholdPercent,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<string> OnlyInBase,
    IReadOnlyList<string> OnlyInNew);
