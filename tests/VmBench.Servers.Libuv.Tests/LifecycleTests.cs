using System.Net.Sockets;

namespace VmBench.Servers.Libuv.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class LifecycleTests
{
    [Fact]
    public async Task TenThousandConnectCloseCyclesLeaveNoHandleBehind()
    {
        const int Cycles = 10_000;
        const int Workers = 8;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await using var server = await TestServer.StartTcpAsync();
        var before = await server.Server.CountHandlesAsync();
        Assert.Equal(2, before); // the listener and the async handle

        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            var one = new byte[1];
            while (Interlocked.Increment(ref next) < Cycles)
            {
                using var client = await server.ConnectAsync(deadline.Token);
                if (next % 2 == 0)
                {
                    // Half the cycles exchange a byte first; the others close right after connecting.
                    one[0] = (byte)next;
                    var echoed = await SocketIo.EchoAsync(client, one, deadline.Token);
                    Assert.Equal(one[0], echoed[0]);
                }
            }
        })));

        Assert.Equal(before, await server.WaitForHandleCountAsync(before, TimeSpan.FromSeconds(15)));
        Assert.Equal(0, await server.Server.CountOutstandingBuffersAsync());
    }

    [Fact]
    public async Task StopsWithConnectionsOpenAndMidTransfer()
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        var server = await TestServer.StartTcpAsync();
        var clients = new List<Socket>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var client = await server.ConnectAsync(deadline.Token);
                clients.Add(client);
                var payload = SocketIo.RandomBytes(1000);
                Assert.Equal(payload, await SocketIo.EchoAsync(client, payload, deadline.Token));
            }

            // Some connections have writes queued (they never read) when the server stops.
            var pending = clients.Take(5).Select(c => SocketIo.SendAllAsync(c, SocketIo.RandomBytes(2 * 1024 * 1024), deadline.Token)).ToList();
            Assert.Equal(22, await server.Server.CountHandlesAsync());

            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await server.Server.StopAsync(stopTimeout.Token); // throws if uv_loop_close did not return 0

            foreach (var client in clients.Skip(5))
            {
                Assert.Empty(await SocketIo.ReceiveAllUntilDroppedAsync(client, deadline.Token));
            }

            foreach (var send in pending)
            {
                try
                {
                    await send;
                }
                catch (SocketException)
                {
                    // reset by the stopping server: expected
                }
            }

            await Assert.ThrowsAsync<InvalidOperationException>(() => server.Server.CountHandlesAsync());
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task StopIsIdempotentAndTheServerCanBeDisposedTwice()
    {
        var server = await TestServer.StartTcpAsync();
        var endPoint = server.EndPoint;
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await server.Server.StopAsync(bound.Token);
        await server.Server.StopAsync(bound.Token); // returns at once: nothing left to stop
        await server.DisposeAsync();
        await server.DisposeAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => server.Server.CountHandlesAsync()); // the loop is closed
        var refused = await Assert.ThrowsAsync<SocketException>(() => Wire.ConnectAsync(endPoint, bound.Token));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }
}
