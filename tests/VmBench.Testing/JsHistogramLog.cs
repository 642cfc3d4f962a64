namespace VmBench.Testing;

/// <summary>What hdr-histogram-js decoded from a log: the header's times (seconds since the epoch), the intervals, and per tag ("NO TAG" for untagged) their sum.</summary>
public sealed record JsHistogramLog(double? StartTimeSec, double? BaseTimeSec, IReadOnlyList<JsInterval> Intervals, IReadOnlyDictionary<string, JsHistogramSummary> Totals);
