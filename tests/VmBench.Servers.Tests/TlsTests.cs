using System.Net.Sockets;
using System.Security.Authentication;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Tests;

/// <summary>Echo and readline over TLS on every server whose manifest lists "tls" (servers/README.md, "TLS").</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class TlsTests(TlsFixture fixture) : IClassFixture<TlsFixture>
{
    public static TheoryData<string, SslProtocols, int> Sizes
    {
        get
        {
            var data = new TheoryData<string, SslProtocols, int>();
            foreach (var server in ServerCatalog.TlsIds)
            {
                foreach (var version in new[] { SslProtocols.Tls12, SslProtocols.Tls13 })
                {
                    foreach (var size in new[] { 1, 64 * 1024, 1024 * 1024 })
                    {
                        data.Add(server, version, size);
                    }
                }
            }

            return data;
        }
    }

    [Fact]
    public async Task The_tls_servers_are_the_ones_that_say_so()
    {
        var saying = new List<string>();
        foreach (var candidate in ServerCatalog.All)
        {
            await using var server = candidate.Create();
            if (server.SupportsTls)
            {
                saying.Add(candidate.Id);
            }
        }

        Assert.Equal(saying.Order(), ServerCatalog.TlsIds.Order());
        Assert.NotEmpty(ServerCatalog.TlsIds);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Echo_returns_every_byte_in_order_over_the_version_asked(string server, SslProtocols version, int size)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await StartAsync(server, ServerMode.Echo);
        await using var client = await TlsClient.ConnectAsync(running, fixture.Der, version, deadline.Token);
        var payload = SocketIo.Pattern(size);

        var echoed = await TlsClient.EchoAsync(client, payload, deadline.Token);

        Assert.Equal(version, client.SslProtocol);
        Assert.Equal(payload, echoed);
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.TlsServers), MemberType = typeof(ServerCatalog))]
    public async Task Echo_reassembles_split_records(string server)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await StartAsync(server, ServerMode.Echo);
        await using var client = await TlsClient.ConnectAsync(running, fixture.Der, SslProtocols.Tls13, deadline.Token);
        var payload = SocketIo.Pattern(20_000, seed: 7);
        var receive = TlsClient.ReadExactlyAsync(client, payload.Length, deadline.Token);

        foreach (var piece in SocketIo.UnevenPieces(payload.Length))
        {
            await client.WriteAsync(payload.AsMemory()[piece], deadline.Token); // one record per write
        }

        Assert.Equal(payload, await receive);
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.TlsServers), MemberType = typeof(ServerCatalog))]
    public async Task Readline_answers_each_line(string server)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await StartAsync(server, ServerMode.Readline);
        await using var client = await TlsClient.ConnectAsync(running, fixture.Der, SslProtocols.Tls13, deadline.Token);
        var lines = "one\ntwo\nthree"u8.ToArray();

        await client.WriteAsync(lines, deadline.Token);
        var answered = await TlsClient.ReadExactlyAsync(client, "one\ntwo\n".Length, deadline.Token);
        await client.WriteAsync("\n"u8.ToArray(), deadline.Token);

        Assert.Equal("one\ntwo\n"u8.ToArray(), answered);
        Assert.Equal("three\n"u8.ToArray(), await TlsClient.ReadExactlyAsync(client, "three\n".Length, deadline.Token));
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.TlsServers), MemberType = typeof(ServerCatalog))]
    public async Task Close_notify_gets_everything_back_then_the_end(string server)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await StartAsync(server, ServerMode.Echo);
        await using var client = await TlsClient.ConnectAsync(running, fixture.Der, SslProtocols.Tls13, deadline.Token);
        var payload = SocketIo.Pattern(300 * 1024, seed: 3);
        var receive = TlsClient.ReadToEndAsync(client, deadline.Token);

        await client.WriteAsync(payload, deadline.Token);
        await client.ShutdownAsync(); // close_notify, and the socket stays open for the answer

        Assert.Equal(payload, await receive);
        await AssertServesAnotherAsync(running, deadline.Token);
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.TlsServers), MemberType = typeof(ServerCatalog))]
    public async Task Abrupt_closes_do_not_disturb_the_server(string server)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await StartAsync(server, ServerMode.Echo);
        for (var i = 0; i < 10; i++)
        {
            var socket = await running.ConnectAsync(deadline.Token);
            await using var client = await TlsClient.AuthenticateAsync(socket, fixture.Der, SslProtocols.Tls13, deadline.Token);
            await client.WriteAsync(SocketIo.Pattern(64 * 1024), deadline.Token);
            socket.LingerState = new LingerOption(true, 0); // RST, no close_notify, the echo never read
            socket.Close();
        }

        await AssertServesAnotherAsync(running, deadline.Token);
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.TlsServers), MemberType = typeof(ServerCatalog))]
    public async Task A_garbage_handshake_closes_that_connection_only(string server)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await StartAsync(server, ServerMode.Echo);
        await using var bystander = await TlsClient.ConnectAsync(running, fixture.Der, SslProtocols.Tls12, deadline.Token);
        using var garbage = await running.ConnectAsync(deadline.Token);

        await SocketIo.SendAllAsync(garbage, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"u8.ToArray(), deadline.Token);

        await SocketIo.ReceiveUntilDroppedAsync(garbage, deadline.Token); // bounded by the deadline: a server that keeps it fails
        Assert.Equal(SocketIo.Pattern(1000), await TlsClient.EchoAsync(bystander, SocketIo.Pattern(1000), deadline.Token));
        await AssertServesAnotherAsync(running, deadline.Token);
    }

    [Fact]
    public async Task A_client_that_never_finishes_its_handshake_is_dropped_within_the_bound()
    {
        // Every TLS server at once, so the 10 s bound is waited for once.
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        var servers = new List<TestServer>();
        var silent = new List<Socket>();
        try
        {
            foreach (var id in ServerCatalog.TlsIds)
            {
                var running = await StartAsync(id, ServerMode.Echo);
                servers.Add(running);
                var socket = await running.ConnectAsync(deadline.Token);
                silent.Add(socket);
                await SocketIo.SendAllAsync(socket, new byte[] { 0x16, 0x03, 0x01 }, deadline.Token); // a record header, then nothing
            }

            var started = TimeProvider.System.GetTimestamp();
            var drops = silent.Select(s => SocketIo.ReceiveUntilDroppedAsync(s, deadline.Token));
            await Task.WhenAll(drops);
            var waited = TimeProvider.System.GetElapsedTime(started);

            Assert.InRange(waited, TimeSpan.Zero, ServerTls.HandshakeTimeout + TimeSpan.FromSeconds(5));
            foreach (var running in servers)
            {
                await AssertServesAnotherAsync(running, deadline.Token);
            }
        }
        finally
        {
            silent.ForEach(s => s.Dispose());
            foreach (var running in servers)
            {
                await running.DisposeAsync();
            }
        }
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.TlsServers), MemberType = typeof(ServerCatalog))]
    public async Task Stop_closes_open_tls_connections(string server)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await StartAsync(server, ServerMode.Echo);
        await using var client = await TlsClient.ConnectAsync(running, fixture.Der, SslProtocols.Tls13, deadline.Token);
        Assert.Equal(SocketIo.Pattern(100), await TlsClient.EchoAsync(client, SocketIo.Pattern(100), deadline.Token));

        var stop = running.StopAsync();
        Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10), deadline.Token)));
        await stop;
    }

    private Task<TestServer> StartAsync(string server, ServerMode mode) =>
        TestServer.StartAsync(server, AddressKind.Tcp, mode, tls: fixture.Tls);

    private async Task AssertServesAnotherAsync(TestServer running, CancellationToken cancellationToken)
    {
        await using var next = await TlsClient.ConnectAsync(running, fixture.Der, SslProtocols.Tls13, cancellationToken);
        var payload = SocketIo.Pattern(128 * 1024, seed: 11);
        Assert.Equal(payload, await TlsClient.EchoAsync(next, payload, cancellationToken));
    }
}
