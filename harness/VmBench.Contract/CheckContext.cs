using VmBench.Core.Model;
using VmBench.Core.Runtimes;

namespace VmBench.Contract;

/// <summary>What a check gets: the started server, the benchmark it was started for, and the token that stops the check.</summary>
public sealed record CheckContext(IRunningServer Server, Benchmark Benchmark, CancellationToken CancellationToken)
{
    public Address Address => Server.Address;
}
