namespace VmBench.Core.Results;

/// <summary>One benchmark's outcome: its server, its status and its variations.</summary>
/// <param name="Reason">Failed or skipped: why, with the fix when known.</param>
/// <param name="Sweep">Latency-vs-load steps when the run had <c>--sweep</c>; empty otherwise.</param>
/// <param name="ServerEnvironment">The environment variables the server's manifest sets (<c>run.env</c>), so a figure is never separated from the tuning it was measured with; absent in runs written before it was recorded.</param>
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
    IReadOnlyList<SweepStep> Sweep,
    IReadOnlyDictionary<string, string>? ServerEnvironment = null);
