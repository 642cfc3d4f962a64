using VmBench.Core.Model;
using VmBench.Robustness.Tests.Harness;
using Xunit.Abstractions;

namespace VmBench.Robustness.Tests.Servers;

/// <summary>The leak check of <see cref="MemoryRounds"/> against fake servers: one that keeps 64 KiB per connection is caught, the same server without the leak is not.</summary>
[Collection(RobustnessCollection.Name)]
[Trait(Tier.Key, Tier.Robustness)]
public sealed class MemoryRoundsTests(ITestOutputHelper output) : IDisposable
{
    private const int Connections = 1000;
    private readonly FakeServers _fake = new();

    [Fact]
    public async Task A_server_keeping_64_KiB_for_every_connection_is_called_a_leak()
    {
        _fake.AddEcho("leaky", "--leak-kib", "64");
        var leak = await LeakAsync("tcpecho-leaky");
        Assert.True(leak is not null, "64 KiB kept for every one of 1000 connections a round (62 MiB a round) was not called a leak");
    }

    [Fact]
    public async Task The_same_server_without_the_leak_is_not_called_one()
    {
        _fake.AddEcho("tidy");
        var leak = await LeakAsync("tcpecho-tidy");
        Assert.True(leak is null, leak);
    }

    private async Task<string?> LeakAsync(string benchmark)
    {
        await using var servers = BuiltServers.Of(_fake.Directory, Path.Combine(_fake.Root, "artifacts"));
        var server = await servers.StartAsync(benchmark);
        await using (server)
        {
            var baseline = await Survival.RssAsync(server);
            var settled = await MemoryRounds.MeasureAsync(server, Mode.Echo, Connections, benchmark);
            output.WriteLine($"{benchmark}: {MemoryRounds.Describe(baseline, settled)}");
            return MemoryRounds.Leak(baseline, settled);
        }
    }

    public void Dispose() => _fake.Dispose();
}
