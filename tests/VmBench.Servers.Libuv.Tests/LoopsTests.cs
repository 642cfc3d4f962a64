using System.Net.Sockets;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Libuv.Tests;

/// <summary>Several loops (VMBENCH_WORKERS): one acceptor hands the connections to the loops in turn, and each loop echoes its own.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class LoopsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Connections_spread_evenly_over_the_loops_and_each_is_echoed(bool unix)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = unix ? await TestServer.StartUnixAsync(loops: 3) : await TestServer.StartTcpAsync(loops: 3);
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < 12; i++)
            {
                sockets.Add(await server.ConnectAsync(timeout.Token));
            }

            foreach (var (socket, i) in sockets.Select((s, i) => (s, i)))
            {
                var payload = SocketIo.RandomBytes(10_000 + i, i);
                Assert.Equal(payload, await SocketIo.EchoAsync(socket, payload, timeout.Token));
            }

            // Each loop: its async handle and 4 of the 12 connections; no loop listens (the acceptor does).
            var handles = await server.Server.CountHandlesPerLoopAsync();
            Assert.Equal(new[] { 5, 5, 5 }, handles);
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    [Fact]
    public async Task Stopping_with_connections_open_on_every_loop_closes_them_all()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var server = await TestServer.StartTcpAsync(loops: 2);
        var sockets = new List<Socket>();
        for (var i = 0; i < 4; i++)
        {
            sockets.Add(await server.ConnectAsync(timeout.Token));
        }

        Assert.Equal(6, await server.WaitForHandleCountAsync(6, TimeSpan.FromSeconds(5)));
        await server.DisposeAsync();

        foreach (var socket in sockets)
        {
            using (socket)
            {
                Assert.Empty(await SocketIo.ReceiveToEndAsync(socket, timeout.Token)); // the server closed it
            }
        }

        using var late = new Socket(server.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAnyAsync<SocketException>(() => late.ConnectAsync(server.EndPoint, timeout.Token).AsTask()); // and stopped listening
    }

    [Theory]
    [InlineData("0")]
    [InlineData("two")]
    [InlineData("-1")]
    public void A_worker_count_that_is_not_a_whole_number_from_1_is_named(string value)
    {
        var before = Environment.GetEnvironmentVariable(Workers.Variable);
        Environment.SetEnvironmentVariable(Workers.Variable, value);
        try
        {
            Assert.False(Workers.TryRead(out _, out var error));
            Assert.Contains($"VMBENCH_WORKERS='{value}'", error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Workers.Variable, before);
        }
    }
}
