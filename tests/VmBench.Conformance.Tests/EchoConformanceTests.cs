using System.Net.Sockets;
using VmBench.Core.Model;

namespace VmBench.Conformance.Tests;

/// <summary>The server contract's echo mode, run against every discovered server over tcp and unix sockets.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class EchoConformanceTests(BuiltServers servers)
{
    public static TheoryData<string> EchoBenchmarks => BuiltServers.Benchmarks(p => p.Mode == Mode.Echo);

    [Theory]
    [MemberData(nameof(EchoBenchmarks))]
    public async Task Echoes_1_byte_to_1_MiB_byte_for_byte(string benchmark)
    {
        await using var server = await servers.StartAsync(benchmark);
        using var socket = await Wire.ConnectAsync(server.Address);
        foreach (var size in new[] { 1, 1024, 65536, 1024 * 1024 })
        {
            var payload = Wire.Payload(size, size);
            var send = Wire.SendAsync(socket, payload);
            var echoed = await Wire.ReadAsync(socket, size);
            await send;
            Assert.True(payload.AsSpan().SequenceEqual(echoed), $"{benchmark}: {size}-byte message not echoed byte for byte");
        }

        Assert.Equal(0, await server.StopAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(EchoBenchmarks))]
    public async Task Messages_split_across_many_small_writes_are_echoed_in_order(string benchmark)
    {
        await using var server = await servers.StartAsync(benchmark);
        using var socket = await Wire.ConnectAsync(server.Address);
        var payload = Wire.Payload(20_000, 7);
        var random = new Random(1);
        var reader = Wire.ReadAsync(socket, payload.Length);
        for (var offset = 0; offset < payload.Length;)
        {
            var chunk = Math.Min(random.Next(1, 700), payload.Length - offset);
            await Wire.SendAsync(socket, payload.AsMemory(offset, chunk));
            offset += chunk;
            if (random.Next(10) == 0)
            {
                await Task.Delay(1);
            }
        }

        var echoed = await reader;
        Assert.True(payload.AsSpan().SequenceEqual(echoed));
    }

    [Theory]
    [MemberData(nameof(EchoBenchmarks))]
    public async Task Serves_1000_concurrent_connections(string benchmark)
    {
        await using var server = await servers.StartAsync(benchmark);
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < 1000; i++)
            {
                sockets.Add(await Wire.ConnectAsync(server.Address));
            }

            var rounds = sockets.Select(async (socket, i) =>
            {
                var payload = Wire.Payload(100, i);
                await Wire.SendAsync(socket, payload);
                var echoed = await Wire.ReadAsync(socket, payload.Length);
                return payload.AsSpan().SequenceEqual(echoed);
            });
            var results = await Task.WhenAll(rounds);
            Assert.Equal(1000, results.Count(ok => ok));
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }

        Assert.False(server.HasExited);
    }

    [Theory]
    [MemberData(nameof(EchoBenchmarks))]
    public async Task Half_close_gets_everything_echoed_then_eof(string benchmark)
    {
        await using var server = await servers.StartAsync(benchmark);
        using var socket = await Wire.ConnectAsync(server.Address);
        var payload = Wire.Payload(300_000, 3);
        var reader = Wire.ReadToEndAsync(socket);
        await Wire.SendAsync(socket, payload);
        socket.Shutdown(SocketShutdown.Send);

        var echoed = await reader;

        Assert.Equal(payload.Length, echoed.Length);
        Assert.True(payload.AsSpan().SequenceEqual(echoed));
    }

    [Theory]
    [MemberData(nameof(EchoBenchmarks))]
    public async Task An_abrupt_reset_mid_transfer_leaves_the_server_serving(string benchmark)
    {
        await using var server = await servers.StartAsync(benchmark);
        for (var i = 0; i < 5; i++)
        {
            using var victim = await Wire.ConnectAsync(server.Address);
            var sending = Wire.SendAsync(victim, Wire.Payload(512 * 1024, i)); // never read: the server's echo backs up
            await Task.Delay(50);
            victim.LingerState = new LingerOption(true, 0);
            victim.Close(); // RST with echo data still in flight
            try
            {
                await sending; // all sent before the reset, or aborted by it: both fine
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
            }
        }

        using var socket = await Wire.ConnectAsync(server.Address);
        var payload = Wire.Payload(4096, 99);
        await Wire.SendAsync(socket, payload);
        var echoed = await Wire.ReadAsync(socket, payload.Length);
        Assert.True(payload.AsSpan().SequenceEqual(echoed));
        Assert.False(server.HasExited);
    }

    [Theory]
    [MemberData(nameof(EchoBenchmarks))]
    public async Task Sigterm_with_connections_open_exits_0(string benchmark)
    {
        var server = await servers.StartAsync(benchmark);
        await using (server)
        {
            var open = new List<Socket>();
            for (var i = 0; i < 10; i++)
            {
                var socket = await Wire.ConnectAsync(server.Address);
                await Wire.SendAsync(socket, Wire.Payload(10, i));
                await Wire.ReadAsync(socket, 10);
                open.Add(socket);
            }

            var exit = await server.StopAsync(CancellationToken.None);

            open.ForEach(s => s.Dispose());
            Assert.Equal(0, exit);
            Assert.DoesNotContain("[vmbench] no exit", server.LogTail(50), StringComparison.Ordinal);
        }

        if (server.Address.StartsWith("unix:", StringComparison.Ordinal))
        {
            Assert.False(File.Exists(server.Address["unix:".Length..]), "the unix socket file is left behind");
        }
    }
}
