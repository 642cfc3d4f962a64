namespace VmBench.Testing;

/// <summary>A histogram's figures as hdr-histogram-js reports them: count, maximum and the values at the requested percentiles.</summary>
public sealed record JsHistogramSummary(long TotalCount, long MaxValue, IReadOnlyList<long> Percentiles);
