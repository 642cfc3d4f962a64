namespace VmBench.Core.Results;

/// <summary>The headline figures of a variation over its repeats.</summary>
public sealed record VariationSummary(Estimate RequestsPerSecond, Estimate P99Ms);
