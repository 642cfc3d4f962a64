namespace VmBench.Core.Results;

/// <summary>The full configuration of a run, as recorded in run.json.</summary>
/// <param name="Benchmarks">The selection patterns (regular expressions over benchmark names).</param>
/// <param name="Runtime">What was asked: auto, local or docker.</param>
/// <param name="Trials">Randomized interleaved trials: each measures every cell once, in a fresh order.</param>
/// <param name="Seed">Seeds every trial's order, so a run's schedule can be reproduced.</param>
/// <param name="Reference">The reference server's id (its benchmarks run in every trial); null for none.</param>
/// <param name="Aa">A second arm of the reference, measured against the first: the run's noise floor.</param>
/// <param name="Warmup">When a server's warm-up is over (steady state).</param>
/// <param name="CellWarmupSeconds">Load on a cell's fresh connections before each measurement, not counted.</param>
/// <param name="Rate">Constant-rate mode: total requests/s; null for closed loop.</param>
/// <param name="MessagesPerRequest">Readline: lines sent per request (vmbench: 5); echo and http send one.</param>
public sealed record RunConfig(
    IReadOnlyList<string> Benchmarks,
    string Runtime,
    IReadOnlyList<int> Concurrency,
    IReadOnlyList<int> Sizes,
    double DurationSeconds,
    int Trials,
    int Seed,
    string? Reference,
    bool Aa,
    WarmupPolicy Warmup,
    double CellWarmupSeconds,
    double? Rate,
    bool Sweep,
    IReadOnlyList<int> ServerCpus,
    IReadOnlyList<int> ClientCpus,
    int MessagesPerRequest,
    double ReadyTimeoutSeconds,
    string Output)
{
    /// <summary>The most blocks of cells measured again at the end of the run when a slow spell of the machine hit them; null for the default (a tenth of the run's blocks), 0 for none.</summary>
    public int? RemeasureBlocks { get; init; }

    /// <summary>The TLS version the load client offers in TLS benchmarks (<c>vmbench run --tls-version</c>); 1.3 by default.</summary>
    public Load.TlsVersion TlsVersion { get; init; } = Load.TlsVersion.Tls13;
}
