namespace VmBench.Testing;

/// <summary>One interval as hdr-histogram-js decoded it: tag, absolute start and end (Unix milliseconds), and its figures.</summary>
public sealed record JsInterval(string Tag, double StartMs, double EndMs, long TotalCount, long MaxValue, IReadOnlyList<long> Percentiles);
