using VmBench.Contract.Checks;
using VmBench.Core.Model;

namespace VmBench.Conformance.Tests;

/// <summary>The server contract's http mode (<see cref="HttpChecks"/>), for every server that declares it.</summary>
[Collection(ConformanceCollection.Name)]
[Trait(Tier.Key, Tier.Process)]
public sealed class HttpConformanceTests(BuiltServers servers)
{
    public static TheoryData<string> HttpBenchmarks => BuiltServers.Benchmarks(p => p.Mode == Mode.Http);

    [Theory]
    [MemberData(nameof(HttpBenchmarks))]
    public Task Answers_get_root_with_hello_world_over_one_keep_alive_connection(string benchmark) => servers.CheckAsync(benchmark, HttpChecks.HelloWorld);
}
