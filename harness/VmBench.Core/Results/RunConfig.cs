namespace VmBench.Core.Results;

/// <summary>The full configuration of a run, as recorded in run.json.</summary>
/// <param name="Benchmarks">The selection patterns (regular expressions over benchmark names).</param>
/// <param name="Runtime">What was asked: auto, local or docker.</param>
/// <param name="Rate">Constant-rate mode: total requests/s; null for closed loop.</param>
/// <param name="MessagesPerRequest">Readline: lines sent per request (vmbench: 5); echo and http send one.</param>
public sealed record RunConfig(
    IReadOnlyList<string> Benchmarks,
    string Runtime,
    IReadOnlyList<int> Concurrency,
    IReadOnlyList<int> Sizes,
    double DurationSeconds,
    double WarmupSeconds,
    int Repeat,
    double? Rate,
    bool Sweep,
    IReadOnlyList<int> ServerCpus,
    IReadOnlyList<int> ClientCpus,
    int MessagesPerRequest,
    double ReadyTimeoutSeconds,
    string Output);
