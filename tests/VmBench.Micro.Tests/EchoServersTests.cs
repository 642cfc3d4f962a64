using VmBench.Core.Catalog;
using VmBench.Core.Model;
using VmBench.Micro.Echo;

namespace VmBench.Micro.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class EchoServersTests
{
    public static TheoryData<string, Transport> Cases()
    {
        var data = new TheoryData<string, Transport>();
        foreach (var id in EchoServers.Ids)
        {
            data.Add(id, Transport.Tcp);
            data.Add(id, Transport.Unix);
        }

        return data;
    }

    [Fact]
    public void The_registry_holds_every_dotnet_server_of_the_catalog_with_sockets_first()
    {
        var dotnet = ServerCatalog.Discover(Repository.Servers).Servers.Where(s => s.Build.Kind == BuildKind.Dotnet).Select(s => s.Id).Order(StringComparer.Ordinal);

        Assert.Equal(dotnet, EchoServers.Ids.Order(StringComparer.Ordinal));
        Assert.Equal(EchoServers.BaselineId, EchoServers.Ids.First());
        Assert.Equal(EchoServers.Ids.Count(), EchoServers.Ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_benchmark_round_trips_verified_payloads_and_cleans_up(string server, Transport transport)
    {
        foreach (var size in new[] { 1, 1024, 64 * 1024 })
        {
            var benchmark = new EchoRoundTripBenchmarks { Server = server, Transport = transport, Size = size };
            var before = Directory.EnumerateFiles(Path.GetTempPath(), "vmbench-micro-*.sock").Count();
            benchmark.Setup(); // starts the server, connects, and checks one echo byte for byte
            try
            {
                for (var i = 0; i < 20; i++)
                {
                    Assert.Equal(size, benchmark.RoundTrip());
                }
            }
            finally
            {
                benchmark.Cleanup();
            }

            Assert.Equal(before, Directory.EnumerateFiles(Path.GetTempPath(), "vmbench-micro-*.sock").Count());
        }
    }

    [Fact]
    public void An_unknown_server_id_names_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => EchoServers.Create("nope"));

        Assert.Contains("sockets", error.Message, StringComparison.Ordinal);
    }
}
