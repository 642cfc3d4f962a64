using VmBench.Core.Model;

namespace VmBench.Core.Runtimes;

/// <summary>What to start: a benchmark's server, in its mode, on an address, pinned to CPUs.</summary>
/// <param name="Address">The contract's address text (<c>127.0.0.1:PORT</c> or <c>unix:/path</c>).</param>
/// <param name="Cpus">CPUs the server may run on; empty for no pinning.</param>
public sealed record ServerLaunch(Benchmark Benchmark, string Address, IReadOnlyList<int> Cpus, TimeSpan ReadyTimeout);
