using VmBench.Reporting.Statistics;

namespace VmBench.Reporting.Compare;

/// <summary>One benchmark x variation present in both runs: medians over trials, the change in percent and the verdict of <see cref="ChangeTest"/>.</summary>
public sealed record ComparisonRow(
    string Benchmark,
    string Variation,
    int MessageSize,
    int Concurrency,
    int BaseTrials,
    int NewTrials,
    double BaseRequestsPerSecond,
    double NewRequestsPerSecond,
    double RequestsPerSecondChangePercent,
    ChangeVerdict RequestsPerSecondVerdict,
    double BaseP99Ms,
    double NewP99Ms,
    double P99ChangePercent,
    ChangeVerdict P99Verdict);
