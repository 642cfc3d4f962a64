using System.Net;
using System.Net.Sockets;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Tests;

/// <summary>
/// <see cref="ConnectionLifecycle"/> alone. A "connection" here is a UDP socket with a receive
/// pending: closing it fails the receive, and the connection then ends with Close, as a server's does.
/// </summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class ConnectionLifecycleTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_connection_accepted_while_the_stop_runs_is_closed_and_never_tracked()
    {
        var lifecycle = new ConnectionLifecycle();
        var open = Track(lifecycle, endsOnClose: false); // holds the stop until it is released
        var stop = lifecycle.StopAsync(CancellationToken.None);

        using var late = Bound();
        Assert.False(lifecycle.TryAdd(late));
        Assert.True(late.SafeHandle.IsClosed, "a connection offered during the stop was left open");

        Assert.False(stop.IsCompleted);
        lifecycle.Close(open.Socket);
        await stop.WaitAsync(s_bound);
    }

    [Fact]
    public async Task Accepts_racing_the_stop_each_end_tracked_and_closed_or_refused_and_closed()
    {
        for (var round = 0; round < 50; round++)
        {
            var lifecycle = new ConnectionLifecycle();
            var offered = new List<Socket>();
            using var go = new Barrier(2);
            var accepting = Task.Factory.StartNew(
                () =>
                {
                    go.SignalAndWait();
                    for (var i = 0; i < 40; i++)
                    {
                        var socket = Bound();
                        offered.Add(socket);
                        if (lifecycle.TryAdd(socket))
                        {
                            _ = EndOnCloseAsync(lifecycle, socket);
                        }
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);

            go.SignalAndWait();
            await lifecycle.StopAsync(CancellationToken.None).WaitAsync(s_bound);
            await accepting.WaitAsync(s_bound);

            Assert.All(offered, socket => Assert.True(socket.SafeHandle.IsClosed, $"round {round}: a connection outlived the stop"));
        }
    }

    [Fact]
    public async Task Stop_closes_every_tracked_connection_and_every_call_waits_for_each_to_end()
    {
        var lifecycle = new ConnectionLifecycle();
        lifecycle.Listen(new IPEndPoint(IPAddress.Loopback, 0));
        var quick = Enumerable.Range(0, 3).Select(_ => Track(lifecycle, endsOnClose: true)).ToList();
        var slow = Track(lifecycle, endsOnClose: false);

        var first = lifecycle.StopAsync(CancellationToken.None);
        var second = lifecycle.StopAsync(CancellationToken.None);

        Assert.All(quick.Append(slow), c => Assert.True(c.Socket.SafeHandle.IsClosed, "the stop left a tracked connection open"));
        await Task.WhenAll(quick.Select(c => c.Ended).Append(slow.Ended)).WaitAsync(s_bound);
        await Task.Delay(100);
        Assert.False(first.IsCompleted, "the stop returned before every connection had ended");
        Assert.False(second.IsCompleted, "a second stop returned while the first still waited for a connection");

        lifecycle.Close(slow.Socket);
        await Task.WhenAll(first, second, lifecycle.StopAsync(CancellationToken.None)).WaitAsync(s_bound);
        Assert.IsType<IPEndPoint>(lifecycle.LocalEndPoint);
        Assert.Throws<InvalidOperationException>(() => lifecycle.Listen(new IPEndPoint(IPAddress.Loopback, 0)));
    }

    private static Socket Bound()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    /// <summary>Tracks a new connection; <see cref="Connection.Ended"/> completes when its receive fails (it was closed).</summary>
    private static Connection Track(ConnectionLifecycle lifecycle, bool endsOnClose)
    {
        var socket = Bound();
        Assert.True(lifecycle.TryAdd(socket));
        return new Connection(socket, endsOnClose ? EndOnCloseAsync(lifecycle, socket) : ReceiveUntilClosedAsync(socket));
    }

    private static async Task EndOnCloseAsync(ConnectionLifecycle lifecycle, Socket socket)
    {
        await ReceiveUntilClosedAsync(socket);
        lifecycle.Close(socket);
    }

    private static async Task ReceiveUntilClosedAsync(Socket socket)
    {
        try
        {
            await socket.ReceiveAsync(new byte[1], SocketFlags.None);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Closed: what the connection waits for.
        }
    }

    private sealed record Connection(Socket Socket, Task Ended);
}
