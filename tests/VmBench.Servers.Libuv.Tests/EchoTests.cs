using System.Net;
using System.Net.Sockets;

namespace VmBench.Servers.Libuv.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class EchoTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(1024)]
    [InlineData(64 * 1024 + 1)]
    [InlineData(128 * 1024 + 1)]
    [InlineData(1024 * 1024)]
    public async Task EchoesEveryByteOverTcp(int size)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var server = await TestServer.StartTcpAsync();
        using var client = await server.ConnectAsync(deadline.Token);

        var payload = SocketIo.RandomBytes(size);
        var echoed = await SocketIo.EchoAsync(client, payload, deadline.Token);

        Assert.Equal(payload, echoed);
    }

    [Fact]
    public async Task ReportsTheRealPortWhenPortZeroWasAsked()
    {
        await using var server = await TestServer.StartTcpAsync();

        var endPoint = Assert.IsType<IPEndPoint>(server.EndPoint);
        Assert.Equal(IPAddress.Loopback, endPoint.Address);
        Assert.NotEqual(0, endPoint.Port);
    }

    [Fact]
    public async Task EchoesOverIPv6Loopback()
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var server = await TestServer.StartTcp6Async();
        var endPoint = Assert.IsType<IPEndPoint>(server.EndPoint);
        Assert.Equal(IPAddress.IPv6Loopback, endPoint.Address);
        using var client = await server.ConnectAsync(deadline.Token);

        var payload = SocketIo.RandomBytes(100_000);
        Assert.Equal(payload, await SocketIo.EchoAsync(client, payload, deadline.Token));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1024 * 1024)]
    public async Task EchoesOverAUnixSocket(int size)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var server = await TestServer.StartUnixAsync();
        using var client = await server.ConnectAsync(deadline.Token);

        var payload = SocketIo.RandomBytes(size);
        Assert.Equal(payload, await SocketIo.EchoAsync(client, payload, deadline.Token));
    }

    [Fact]
    public async Task RemovesTheUnixSocketFileOnStop()
    {
        var server = await TestServer.StartUnixAsync();
        var path = server.EndPoint.ToString()!;
        Assert.True(File.Exists(path));

        await server.DisposeAsync();

        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task EchoesSplitWritesInOrder()
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var server = await TestServer.StartTcpAsync();
        using var client = await server.ConnectAsync(deadline.Token);
        client.NoDelay = true;

        var payload = SocketIo.RandomBytes(10_000, seed: 7);
        var receive = SocketIo.ReceiveExactlyAsync(client, payload.Length, deadline.Token);
        var chunk = 1;
        for (var offset = 0; offset < payload.Length; offset += chunk, chunk = chunk * 3 % 1999 + 1)
        {
            await SocketIo.SendAllAsync(client, payload.AsMemory(offset, Math.Min(chunk, payload.Length - offset)), deadline.Token);
            if (offset % 7 == 0)
            {
                await Task.Delay(1, deadline.Token);
            }
        }

        Assert.Equal(payload, await receive);
    }

    [Fact]
    public async Task ServesManyConcurrentConnections()
    {
        const int Connections = 250;
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var server = await TestServer.StartTcpAsync();
        var handlesBefore = await server.Server.CountHandlesAsync();

        var sockets = await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => server.ConnectAsync(deadline.Token)));
        try
        {
            var results = await Task.WhenAll(sockets.Select(async (socket, i) =>
            {
                for (var round = 0; round < 5; round++)
                {
                    var payload = SocketIo.RandomBytes(4096 + i, seed: i * 10 + round);
                    var echoed = await SocketIo.EchoAsync(socket, payload, deadline.Token);
                    if (!payload.AsSpan().SequenceEqual(echoed))
                    {
                        return false;
                    }
                }

                return true;
            }));

            Assert.All(results, Assert.True);
            Assert.Equal(handlesBefore + Connections, await server.Server.CountHandlesAsync());
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }

        Assert.Equal(handlesBefore, await server.WaitForHandleCountAsync(handlesBefore, TimeSpan.FromSeconds(10)));
        Assert.Equal(0, await server.Server.CountOutstandingBuffersAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HalfCloseSendsEverythingPendingThenCloses(bool unix)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var server = unix ? await TestServer.StartUnixAsync() : await TestServer.StartTcpAsync();
        using var client = await server.ConnectAsync(deadline.Token);

        // 4 MiB sent before reading anything: the server's writes back up and reads pause,
        // and the EOF arrives while writes are still queued.
        var payload = SocketIo.RandomBytes(4 * 1024 * 1024, seed: 3);
        var send = Task.Run(async () =>
        {
            await SocketIo.SendAllAsync(client, payload, deadline.Token);
            client.Shutdown(SocketShutdown.Send);
        });
        await Task.Delay(200, deadline.Token);
        var received = await SocketIo.ReceiveAllUntilDroppedAsync(client, deadline.Token);
        await send;

        Assert.Equal(payload.Length, received.Length);
        Assert.Equal(payload, received);
    }

    [Fact]
    public async Task SurvivesAnAbruptResetMidTransfer()
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var server = await TestServer.StartTcpAsync();
        var handlesBefore = await server.Server.CountHandlesAsync();

        for (var i = 0; i < 20; i++)
        {
            var victim = await server.ConnectAsync(deadline.Token);
            victim.LingerState = new LingerOption(true, 0);
            // Never read: the server has echo writes queued when the reset lands.
            var payload = SocketIo.RandomBytes(1024 * 1024, seed: i);
            var sending = SocketIo.SendAllAsync(victim, payload, deadline.Token);
            await Task.WhenAny(sending, Task.Delay(20 + i, deadline.Token));
            victim.Dispose(); // linger 0: RST instead of FIN
            try
            {
                await sending;
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
            }
        }

        Assert.Equal(handlesBefore, await server.WaitForHandleCountAsync(handlesBefore, TimeSpan.FromSeconds(10)));
        Assert.Equal(0, await server.Server.CountOutstandingBuffersAsync());

        using var client = await server.ConnectAsync(deadline.Token);
        var check = SocketIo.RandomBytes(100_000);
        Assert.Equal(check, await SocketIo.EchoAsync(client, check, deadline.Token));
    }

    [Fact]
    public async Task AClientThatDoesNotReadHoldsABoundedNumberOfBuffers()
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var server = await TestServer.StartTcpAsync();
        using var client = await server.ConnectAsync(deadline.Token);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);

        // 64 MiB offered, none read: both kernels' buffers fill, then the server must stop reading
        // instead of queueing the rest in memory.
        var send = SocketIo.SendAllAsync(client, new byte[64 * 1024 * 1024], sending.Token);
        await Task.Delay(1000, deadline.Token);
        var outstanding = await server.Server.CountOutstandingBuffersAsync();
        Assert.False(send.IsCompleted);
        Assert.InRange(outstanding, 1, 8); // 256 KiB pause threshold: a handful of 128 KiB blocks

        await sending.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
    }
}
