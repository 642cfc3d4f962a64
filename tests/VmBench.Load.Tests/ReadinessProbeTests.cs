using VmBench.Core.Model;
using VmBench.Load.Tests.TestServers;

namespace VmBench.Load.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class ReadinessProbeTests
{
    private readonly ReadinessProbe _probe = new();

    [Fact]
    public async Task AnEchoServerIsReady()
    {
        using var server = new TestServer(new EchoBehaviour());

        Assert.Null(await _probe.TryOnceAsync(server.Address, Mode.Echo, null, CancellationToken.None));
    }

    [Fact]
    public async Task AReadlineServerIsReady()
    {
        using var server = new TestServer(new LineBehaviour { LineLength = "vmbench-ready\n".Length });

        Assert.Null(await _probe.TryOnceAsync(server.Address, Mode.Readline, null, CancellationToken.None));
    }

    [Fact]
    public async Task AnHttpServerIsReady()
    {
        using var server = new TestServer(new HttpBehaviour());

        Assert.Null(await _probe.TryOnceAsync(server.Address, Mode.Http, null, CancellationToken.None));
    }

    [Fact]
    public async Task NoServerIsConnectionRefused()
    {
        int port;
        using (var server = new TestServer(new EchoBehaviour()))
        {
            port = server.Port;
        }

        Assert.Equal("connection refused", await _probe.TryOnceAsync(Address.Parse($"127.0.0.1:{port}"), Mode.Echo, null, CancellationToken.None));
    }

    [Fact]
    public async Task AWrongEchoSaysWhere()
    {
        using var server = new TestServer(new EchoBehaviour { CorruptEvery = 1 });

        Assert.StartsWith("wrong echo at byte 0 of 64", await _probe.TryOnceAsync(server.Address, Mode.Echo, null, CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatClosesSaysHowMuchCameBack()
    {
        using var server = new TestServer(new EchoBehaviour { CloseAfterReads = 0 });

        Assert.Equal("echoed 0 of 64 bytes before closing", await _probe.TryOnceAsync(server.Address, Mode.Echo, null, CancellationToken.None));
    }

    [Fact]
    public async Task AWrongHttpBodyIsNotReady()
    {
        using var server = new TestServer(new HttpBehaviour { Body = "nope" });

        Assert.Contains("body 'nope'", await _probe.TryOnceAsync(server.Address, Mode.Http, null, CancellationToken.None), StringComparison.Ordinal);
    }
}
