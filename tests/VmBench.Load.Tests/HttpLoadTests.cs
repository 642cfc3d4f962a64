using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Load.Tests.TestServers;

namespace VmBench.Load.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class HttpLoadTests
{
    private readonly LoadGenerator _load = new();

    [Fact]
    public async Task KeepAliveGetsAreVerifiedAndCounted()
    {
        using var server = new TestServer(new HttpBehaviour());
        var result = await _load.RunAsync(Http(server.Address), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.Requests > 100);
        Assert.Equal(result.Requests, result.Messages);
        var responseBytes = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!".Length;
        Assert.Equal(result.Requests * responseBytes, result.Bytes);
        Assert.Equal(4, server.Accepted);
    }

    [Fact]
    public async Task AWrongBodyFailsTheJob()
    {
        using var server = new TestServer(new HttpBehaviour { Body = "Hello, World?" });
        var result = await _load.RunAsync(Http(server.Address), null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("body 'Hello, World?' (expected 'Hello, World!')", result.Failure, StringComparison.Ordinal);
        Assert.Equal(0, result.Requests);
    }

    [Fact]
    public async Task AWrongStatusFailsTheJob()
    {
        using var server = new TestServer(new HttpBehaviour { Status = "404 Not Found" });
        var result = await _load.RunAsync(Http(server.Address), null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("status line 'HTTP/1.1 404 Not Found'", result.Failure, StringComparison.Ordinal);
    }

    private static LoadSpec Http(Address address) =>
        new(address, Mode.Http, 0, 4, 1, TimeSpan.FromSeconds(1), TimeSpan.Zero);
}
