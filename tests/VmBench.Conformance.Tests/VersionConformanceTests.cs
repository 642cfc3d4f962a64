using VmBench.Contract.Checks;
using VmBench.Core.Catalog;

namespace VmBench.Conformance.Tests;

/// <summary>Every version command a manifest lists works against the started server (here, in the local runtime) and prints a version (<see cref="VersionChecks"/>).</summary>
[Collection(ConformanceCollection.Name)]
[Trait(Tier.Key, Tier.Process)]
public sealed class VersionConformanceTests(BuiltServers servers)
{
    /// <summary>One tcpecho (or first) benchmark per server.</summary>
    public static TheoryData<string> OneBenchmarkPerServer()
    {
        var data = new TheoryData<string>();
        foreach (var server in ServerCatalog.Discover(VmBench.Testing.Repository.Servers).Servers)
        {
            data.Add(VersionChecks.OneOf(server).Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OneBenchmarkPerServer))]
    public Task Every_version_the_manifest_lists_is_read_from_the_started_server(string benchmark) => servers.CheckAsync(benchmark, VersionChecks.EveryVersion);
}
