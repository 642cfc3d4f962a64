using System.Text;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Libuv.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class ReadlineTests
{
    [Fact]
    public async Task AnswersEachLineOnlyOnceItIsComplete()
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var server = await TestServer.StartTcpAsync(ServerMode.Readline);
        using var client = await server.ConnectAsync(deadline.Token);

        await SocketIo.SendAllAsync(client, "hel"u8.ToArray(), deadline.Token);
        await Task.Delay(50, deadline.Token);
        Assert.Equal(0, client.Available); // an unterminated line is not echoed
        await SocketIo.SendAllAsync(client, "lo\nwor"u8.ToArray(), deadline.Token);
        Assert.Equal("hello\n", Encoding.ASCII.GetString(await SocketIo.ReceiveExactlyAsync(client, 6, deadline.Token)));
        await SocketIo.SendAllAsync(client, "ld\na\nb\n"u8.ToArray(), deadline.Token);
        Assert.Equal("world\na\nb\n", Encoding.ASCII.GetString(await SocketIo.ReceiveExactlyAsync(client, 10, deadline.Token)));
    }

    [Fact]
    public async Task EchoesLinesLargerThanOneReadBuffer()
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var server = await TestServer.StartUnixAsync(ServerMode.Readline);
        using var client = await server.ConnectAsync(deadline.Token);

        var lines = new List<byte>();
        for (var i = 0; i < 5; i++)
        {
            var line = SocketIo.RandomBytes(300_000 + i, seed: i).Select(b => b == (byte)'\n' ? (byte)'x' : b).ToList();
            line.Add((byte)'\n');
            lines.AddRange(line);
        }

        var payload = lines.ToArray();
        Assert.Equal(payload, await SocketIo.EchoAsync(client, payload, deadline.Token));
    }

    [Fact]
    public async Task DropsTheConnectionWhenALineExceedsTheBound()
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var server = await TestServer.StartTcpAsync(ServerMode.Readline, maxLineLength: 100_000);
        var handlesBefore = await server.Server.CountHandlesAsync();
        using var client = await server.ConnectAsync(deadline.Token);

        await SocketIo.SendAllAsync(client, "short\n"u8.ToArray(), deadline.Token);
        Assert.Equal("short\n", Encoding.ASCII.GetString(await SocketIo.ReceiveExactlyAsync(client, 6, deadline.Token)));
        var endless = Enumerable.Repeat((byte)'y', 200_000).ToArray();
        try
        {
            await SocketIo.SendAllAsync(client, endless, deadline.Token);
        }
        catch (System.Net.Sockets.SocketException)
        {
            // the server may already have dropped us
        }

        Assert.Empty(await SocketIo.ReceiveAllUntilDroppedAsync(client, deadline.Token));
        Assert.Equal(handlesBefore, await server.WaitForHandleCountAsync(handlesBefore, TimeSpan.FromSeconds(10)));
        Assert.Equal(0, await server.Server.CountOutstandingBuffersAsync());
    }

    [Fact]
    public async Task HalfCloseAnswersCompleteLinesAndDropsTheUnterminatedRest()
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var server = await TestServer.StartTcpAsync(ServerMode.Readline);
        using var client = await server.ConnectAsync(deadline.Token);

        await SocketIo.SendAllAsync(client, "one\ntwo\nthr"u8.ToArray(), deadline.Token);
        client.Shutdown(System.Net.Sockets.SocketShutdown.Send);

        Assert.Equal("one\ntwo\n", Encoding.ASCII.GetString(await SocketIo.ReceiveAllUntilDroppedAsync(client, deadline.Token)));
    }
}
