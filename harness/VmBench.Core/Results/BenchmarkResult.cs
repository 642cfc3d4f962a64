using VmBench.Core.Model;

namespace VmBench.Core.Results;

/// <summary>One benchmark's outcome: its server, its status, its warm-up and its cells.</summary>
/// <param name="Role">Measured, the run's reference, or the reference's A/A arm.</param>
/// <param name="Reason">Failed, skipped or unfinished: why, with the fix when known.</param>
/// <param name="Warmup">How the server warmed up; null when it did not (warm-up off, or it never started).</param>
/// <param name="Sweep">Latency-vs-load steps when the run had <c>--sweep</c>; empty otherwise.</param>
/// <param name="Versions">The version of every runtime the server used (its manifest's <c>versions</c>), read from the started server; null when it was not started or lists none.</param>
/// <param name="Memory">What connections cost the server in memory, one entry per concurrency level from the fewest up, measured once on the fresh server (<see cref="ConnectionMemory"/>); null when not measured or the runtime cannot tell.</param>
/// <param name="ServerEnvironment">The environment variables the server's manifest sets (<c>run.env</c>), so a figure is never separated from the tuning it was measured with.</param>
public sealed record BenchmarkResult(
    string Name,
    string Server,
    string Title,
    string Loop,
    string Language,
    string Protocol,
    BenchmarkRole Role,
    Status Status,
    string? Reason,
    WarmupResult? Warmup,
    IReadOnlyList<VariationResult> Variations,
    IReadOnlyList<SweepStep> Sweep,
    IReadOnlyDictionary<string, string>? ServerEnvironment = null,
    IReadOnlyList<RuntimeVersion>? Versions = null,
    IReadOnlyList<ConnectionMemory>? Memory = null);
