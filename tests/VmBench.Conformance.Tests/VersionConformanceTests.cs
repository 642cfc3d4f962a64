using System.Text.RegularExpressions;
using VmBench.Core.Catalog;
using VmBench.Core.Model;
using VmBench.Core.Running;

namespace VmBench.Conformance.Tests;

/// <summary>Every version command a manifest lists works against the started server (here, in the local runtime) and prints a version.</summary>
[Collection(ConformanceCollection.Name)]
public sealed partial class VersionConformanceTests(BuiltServers servers)
{
    /// <summary>One tcpecho (or first) benchmark per server.</summary>
    public static TheoryData<string> OneBenchmarkPerServer()
    {
        var data = new TheoryData<string>();
        foreach (var server in ServerCatalog.Discover(VmBench.Testing.Repository.Servers).Benchmarks.GroupBy(b => b.Server.Id))
        {
            data.Add((server.FirstOrDefault(b => b.Protocol == Protocol.TcpEcho) ?? server.First()).Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OneBenchmarkPerServer))]
    public async Task Every_version_the_manifest_lists_is_read_from_the_started_server(string benchmark)
    {
        var manifest = servers.Catalog.Benchmarks.Single(b => b.Name == benchmark).Server;
        await using var server = await servers.StartAsync(benchmark);

        var versions = await VersionReader.ReadAsync(server, manifest.Versions, CancellationToken.None);

        Assert.Equal(manifest.Versions.Select(v => v.Name), versions.Select(v => v.Name));
        Assert.All(versions, v => Assert.True(v.Version is not null && VersionNumber().IsMatch(v.Version), $"{manifest.Id} {v.Name}: {v.Version ?? v.Error}"));
    }

    [GeneratedRegex(@"\d+\.\d+")]
    private static partial Regex VersionNumber();
}
