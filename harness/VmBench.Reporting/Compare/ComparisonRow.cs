using VmBench.Reporting.Statistics;

namespace VmBench.Reporting.Compare;

/// <summary>One benchmark x variation present in both runs: medians over repeats, the change in percent and the verdict.</summary>
public sealed record ComparisonRow(
    string Benchmark,
    string Variation,
    int MessageSize,
    int Concurrency,
    int BaseRepeats,
    int NewRepeats,
    double BaseRequestsPerSecond,
    double NewRequestsPerSecond,
    double RequestsPerSecondChangePercent,
    Verdict RequestsPerSecondVerdict,
    double BaseP99Ms,
    double NewP99Ms,
    double P99ChangePercent,
    Verdict P99Verdict);
