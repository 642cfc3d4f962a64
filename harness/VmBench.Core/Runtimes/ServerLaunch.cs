using VmBench.Core.Model;

namespace VmBench.Core.Runtimes;

/// <summary>What to start: a benchmark's server, in its mode, on an address, pinned to CPUs.</summary>
/// <param name="Cpus">CPUs the server may run on; empty for no pinning.</param>
public sealed record ServerLaunch(Benchmark Benchmark, Address Address, IReadOnlyList<int> Cpus, TimeSpan ReadyTimeout);
