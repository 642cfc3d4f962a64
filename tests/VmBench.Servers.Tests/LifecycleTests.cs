using System.Net;
using System.Net.Sockets;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class LifecycleTests
{
    [Theory]
    [MemberData(nameof(ServerCatalog.Servers), MemberType = typeof(ServerCatalog))]
    public async Task Start_on_port_0_reports_the_real_port(string server)
    {
        await using var running = await TestServer.StartAsync(server, AddressKind.Tcp, ServerMode.Echo);

        var endPoint = Assert.IsType<IPEndPoint>(running.EndPoint);
        Assert.Equal(IPAddress.Loopback, endPoint.Address);
        Assert.NotEqual(0, endPoint.Port);
        Assert.Contains(ServerMode.Echo, running.Server.Modes);
        Assert.Contains(ServerMode.Readline, running.Server.Modes);
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.Servers), MemberType = typeof(ServerCatalog))]
    public async Task Start_on_a_unix_socket_reports_its_path(string server)
    {
        await using var running = await TestServer.StartAsync(server, AddressKind.Unix, ServerMode.Echo);

        var endPoint = Assert.IsType<UnixDomainSocketEndPoint>(running.EndPoint);
        Assert.True(File.Exists(endPoint.ToString()), $"no socket file at {endPoint}");
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.ServersAndAddresses), MemberType = typeof(ServerCatalog))]
    public async Task Abrupt_resets_do_not_disturb_the_server(string server, string address)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync(server, address, ServerMode.Echo);
        var payload = SocketIo.Pattern(256 * 1024);

        for (var i = 0; i < 20; i++)
        {
            using var client = await running.ConnectAsync(deadline.Token);
            await SocketIo.SendAllAsync(client, payload.AsMemory(0, 64 * 1024), deadline.Token);
            if (address == AddressKind.Tcp)
            {
                client.LingerState = new LingerOption(true, 0); // close sends RST, the echo is never read
            }
        }

        using var survivor = await running.ConnectAsync(deadline.Token);
        Assert.Equal(payload, await SocketIo.EchoAsync(survivor, payload, deadline.Token));
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.ServersAndAddresses), MemberType = typeof(ServerCatalog))]
    public async Task Stop_closes_open_connections_and_the_listener(string server, string address)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync(server, address, ServerMode.Echo);
        var clients = new List<Socket>();
        try
        {
            // Idle connections that echoed once, one with a request in flight, one that is not reading.
            for (var i = 0; i < 5; i++)
            {
                var client = await running.ConnectAsync(deadline.Token);
                clients.Add(client);
                Assert.Equal(SocketIo.Pattern(100, i), await SocketIo.EchoAsync(client, SocketIo.Pattern(100, i), deadline.Token));
            }

            var inFlight = await running.ConnectAsync(deadline.Token);
            clients.Add(inFlight);
            await SocketIo.SendAllAsync(inFlight, SocketIo.Pattern(10), deadline.Token);
            var stuck = await running.ConnectAsync(deadline.Token);
            clients.Add(stuck);
            var flood = FloodAsync(stuck, deadline.Token);
            var endPoint = running.EndPoint;

            var stop = running.StopAsync();
            Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10), deadline.Token)));
            await stop;

            foreach (var client in clients.Take(5))
            {
                Assert.Equal(0, await SocketIo.ReceiveUntilDroppedAsync(client, deadline.Token));
            }

            await flood;
            using var late = new Socket(endPoint.AddressFamily, SocketType.Stream, endPoint is UnixDomainSocketEndPoint ? ProtocolType.Unspecified : ProtocolType.Tcp);
            var refused = await Assert.ThrowsAsync<SocketException>(async () => await late.ConnectAsync(endPoint, deadline.Token));
            Assert.True(refused.SocketErrorCode is SocketError.ConnectionRefused or SocketError.AddressNotAvailable, $"connect after stop: {refused.SocketErrorCode}");
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Sends without reading until the server drops the connection (bounded by the token).</summary>
    private static async Task FloodAsync(Socket client, CancellationToken cancellationToken)
    {
        var chunk = SocketIo.Pattern(64 * 1024);
        try
        {
            while (true)
            {
                await client.SendAsync(chunk, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SocketException)
        {
            // Dropped by the stopping server: what this connection waits for.
        }
    }
}
