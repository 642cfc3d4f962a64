using VmBench.Core.Load;
using VmBench.Load.Tests.TestServers;

namespace VmBench.Load.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class ClientUsageTests
{
    [Fact]
    public async Task ACpuStarvedClientIsFlaggedClientBound()
    {
        using var server = new TestServer(new EchoBehaviour());
        var load = new LoadGenerator(new FakeCpuMeter(busy: 0.97));
        var result = await load.RunAsync(Specs.Echo(server.Address, size: 64, concurrency: 2), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.NotNull(result.Client);
        Assert.InRange(result.Client!.CpuUtilization, 0.9, 1.0);
        Assert.True(result.Client.ClientBound);
        Assert.Matches(@"client CPU at 9\d % of 1 core", result.Client.Reason);
        Assert.Equal(result.Client.CpuSeconds * 1e6 / result.Requests, result.Client.CpuMicrosPerRequest, 6);
    }

    [Fact]
    public async Task AnIdleClientIsNotClientBound()
    {
        using var server = new TestServer(new EchoBehaviour());
        var load = new LoadGenerator(new FakeCpuMeter(busy: 0.3, cores: 2));
        var result = await load.RunAsync(Specs.Echo(server.Address, size: 64, concurrency: 2), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.InRange(result.Client!.CpuUtilization, 0.25, 0.35);
        Assert.False(result.Client.ClientBound);
        Assert.Null(result.Client.Reason);
    }
}
