namespace VmBench.Core.Results;

/// <summary>One benchmark's outcome: its server, its status and its variations.</summary>
/// <param name="Reason">Failed or skipped: why, with the fix when known.</param>
/// <param name="Sweep">Latency-vs-load steps when the run had <c>--sweep</c>; empty otherwise.</param>
public sealed record BenchmarkResult(
    string Name,
    string Server,
    string Title,
    string Loop,
    string Language,
    string Protocol,
    Status Status,
    string? Reason,
    IReadOnlyList<VariationResult> Variations,
    IReadOnlyList<SweepStep> Sweep);
