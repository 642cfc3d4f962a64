using System.Net.Sockets;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class EchoTests
{
    public static TheoryData<string, string, int> Sizes
    {
        get
        {
            var data = new TheoryData<string, string, int>();
            foreach (var row in ServerCatalog.ServersAndAddresses)
            {
                var (server, address) = ((string)row[0], (string)row[1]);
                foreach (var size in new[] { 1, 64 * 1024, 1024 * 1024 })
                {
                    data.Add(server, address, size);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Echo_returns_every_byte_in_order(string server, string address, int size)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync(server, address, ServerMode.Echo);
        using var client = await running.ConnectAsync(deadline.Token);
        var payload = SocketIo.Pattern(size);

        var echoed = await SocketIo.EchoAsync(client, payload, deadline.Token);

        Assert.Equal(payload, echoed);
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.ServersAndAddresses), MemberType = typeof(ServerCatalog))]
    public async Task Echo_serves_many_request_responses_on_one_connection(string server, string address)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync(server, address, ServerMode.Echo);
        using var client = await running.ConnectAsync(deadline.Token);

        for (var i = 0; i < 200; i++)
        {
            var payload = SocketIo.Pattern(1024, seed: i);
            var echoed = await SocketIo.EchoAsync(client, payload, deadline.Token);
            Assert.Equal(payload, echoed);
        }
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.ServersAndAddresses), MemberType = typeof(ServerCatalog))]
    public async Task Echo_reassembles_split_writes(string server, string address)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync(server, address, ServerMode.Echo);
        using var client = await running.ConnectAsync(deadline.Token);
        var payload = SocketIo.Pattern(20_000, seed: 7);
        var receive = SocketIo.ReceiveExactlyAsync(client, payload.Length, deadline.Token);

        foreach (var piece in SocketIo.UnevenPieces(payload.Length))
        {
            await SocketIo.SendAllAsync(client, payload.AsMemory()[piece], deadline.Token);
            if (piece.End.Value % 5 == 0)
            {
                await Task.Delay(1, deadline.Token);
            }
        }

        Assert.Equal(payload, await receive);
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.ServersAndAddresses), MemberType = typeof(ServerCatalog))]
    public async Task Echo_serves_100_concurrent_connections(string server, string address)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync(server, address, ServerMode.Echo);
        var clients = new Socket[100];
        try
        {
            for (var i = 0; i < clients.Length; i++)
            {
                clients[i] = await running.ConnectAsync(deadline.Token);
            }

            for (var round = 0; round < 3; round++)
            {
                var echoes = clients.Select(async (client, i) =>
                {
                    var payload = SocketIo.Pattern(4096 + i, seed: i + round);
                    var echoed = await SocketIo.EchoAsync(client, payload, deadline.Token).ConfigureAwait(false);
                    return payload.AsSpan().SequenceEqual(echoed);
                });

                var results = await Task.WhenAll(echoes);
                Assert.All(results, Assert.True);
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                client?.Dispose();
            }
        }
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.ServersAndAddresses), MemberType = typeof(ServerCatalog))]
    public async Task Echo_flushes_then_closes_after_half_close(string server, string address)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync(server, address, ServerMode.Echo);
        using var client = await running.ConnectAsync(deadline.Token);
        var payload = SocketIo.Pattern(300 * 1024, seed: 3);
        var receive = SocketIo.ReceiveToEndAsync(client, deadline.Token);

        await SocketIo.SendAllAsync(client, payload, deadline.Token);
        client.Shutdown(SocketShutdown.Send);

        Assert.Equal(payload, await receive);
    }
}
