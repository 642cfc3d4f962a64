using VmBench.Contract.Checks;

namespace VmBench.Conformance.Tests;

/// <summary>
/// Every server whose manifest says <c>"cpus": "all"</c> spreads its work over the CPUs it is given
/// (<see cref="CpuChecks"/>); started unpinned, it is given this machine's two (or more). The other checks of the suite
/// run on the same unpinned servers, so they pass with every loop or worker running too.
/// </summary>
[Collection(ConformanceCollection.Name)]
[Trait(Tier.Key, Tier.Process)]
public sealed class CpuConformanceTests(BuiltServers servers)
{
    public static TheoryData<string> EveryCpuBenchmarks => BuiltServers.Benchmarks(CpuChecks.EveryCpu);

    [Theory]
    [MemberData(nameof(EveryCpuBenchmarks))]
    public Task Spreads_its_work_over_every_cpu_it_is_given(string benchmark) => servers.CheckAsync(benchmark, CpuChecks.EveryCpu);
}
