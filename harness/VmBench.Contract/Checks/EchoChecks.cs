using System.Net.Sockets;
using VmBench.Core.Model;

namespace VmBench.Contract.Checks;

/// <summary>The contract's echo mode, over tcp and unix sockets.</summary>
public static class EchoChecks
{
    public static readonly ContractCheck EchoesOneByteToOneMiB = new("Echoes_1_byte_to_1_MiB_byte_for_byte", ContractCheck.InMode(Mode.Echo), async c =>
    {
        using var socket = await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false);
        foreach (var size in new[] { 1, 1024, 65536, 1024 * 1024 })
        {
            var payload = Wire.Payload(size, size);
            var send = Wire.SendAsync(socket, payload);
            var echoed = await Wire.ReadAsync(socket, size).ConfigureAwait(false);
            await send.ConfigureAwait(false);
            ContractViolation.Unless(payload.AsSpan().SequenceEqual(echoed), $"a {size}-byte message was not echoed byte for byte ({echoed.Length} bytes came back)");
        }

        await StopsWithZeroAsync(c).ConfigureAwait(false);
    });

    public static readonly ContractCheck SmallWritesInOrder = new("Messages_split_across_many_small_writes_are_echoed_in_order", ContractCheck.InMode(Mode.Echo), async c =>
    {
        using var socket = await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false);
        var payload = Wire.Payload(20_000, 7);
        var random = new Random(1);
        var reader = Wire.ReadAsync(socket, payload.Length);
        for (var offset = 0; offset < payload.Length;)
        {
            var chunk = Math.Min(random.Next(1, 700), payload.Length - offset);
            await Wire.SendAsync(socket, payload.AsMemory(offset, chunk)).ConfigureAwait(false);
            offset += chunk;
            if (random.Next(10) == 0)
            {
                await Task.Delay(1, c.CancellationToken).ConfigureAwait(false);
            }
        }

        var echoed = await reader.ConfigureAwait(false);
        ContractViolation.Unless(payload.AsSpan().SequenceEqual(echoed), $"20,000 bytes sent in small writes came back as {echoed.Length} bytes not in order");
    });

    public static readonly ContractCheck ThousandConnections = new("Serves_1000_concurrent_connections", ContractCheck.InMode(Mode.Echo), async c =>
    {
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < 1000; i++)
            {
                sockets.Add(await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false));
            }

            var rounds = sockets.Select(async (socket, i) =>
            {
                var payload = Wire.Payload(100, i);
                await Wire.SendAsync(socket, payload).ConfigureAwait(false);
                var echoed = await Wire.ReadAsync(socket, payload.Length).ConfigureAwait(false);
                return payload.AsSpan().SequenceEqual(echoed);
            });
            var results = await Task.WhenAll(rounds).ConfigureAwait(false);
            var good = results.Count(ok => ok);
            ContractViolation.Unless(good == 1000, $"only {good} of 1000 concurrent connections had their 100 bytes echoed");
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }

        ContractViolation.Unless(!c.Server.HasExited, "the server exited while serving 1000 connections");
    });

    public static readonly ContractCheck HalfClose = new("Half_close_gets_everything_echoed_then_eof", ContractCheck.InMode(Mode.Echo), async c =>
    {
        using var socket = await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false);
        var payload = Wire.Payload(300_000, 3);
        var reader = Wire.ReadToEndAsync(socket);
        await Wire.SendAsync(socket, payload).ConfigureAwait(false);
        socket.Shutdown(SocketShutdown.Send);

        var echoed = await reader.ConfigureAwait(false);

        ContractViolation.Unless(echoed.Length == payload.Length, $"after a half-close the server echoed {echoed.Length} of {payload.Length} bytes before EOF (it must write what is pending, then close)");
        ContractViolation.Unless(payload.AsSpan().SequenceEqual(echoed), "after a half-close the echoed bytes differ from those sent");
    });

    public static readonly ContractCheck ResetMidTransfer = new("An_abrupt_reset_mid_transfer_leaves_the_server_serving", ContractCheck.InMode(Mode.Echo), async c =>
    {
        for (var i = 0; i < 5; i++)
        {
            using var victim = await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false);
            var sending = Wire.SendAsync(victim, Wire.Payload(512 * 1024, i)); // never read: the server's echo backs up
            await Task.Delay(50, c.CancellationToken).ConfigureAwait(false);
            victim.LingerState = new LingerOption(true, 0);
            victim.Close(); // RST with echo data still in flight
            try
            {
                await sending.ConfigureAwait(false); // all sent before the reset, or aborted by it: both fine
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
            }
        }

        using var socket = await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false);
        var payload = Wire.Payload(4096, 99);
        await Wire.SendAsync(socket, payload).ConfigureAwait(false);
        var echoed = await Wire.ReadAsync(socket, payload.Length).ConfigureAwait(false);
        ContractViolation.Unless(payload.AsSpan().SequenceEqual(echoed), "after five connections were reset mid-transfer, a new connection was not echoed");
        ContractViolation.Unless(!c.Server.HasExited, "the server exited after connections were reset mid-transfer");
    });

    public static readonly ContractCheck SigtermWithConnectionsOpen = new("Sigterm_with_connections_open_exits_0", ContractCheck.InMode(Mode.Echo), async c =>
    {
        var open = new List<Socket>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                var socket = await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false);
                open.Add(socket);
                await Wire.SendAsync(socket, Wire.Payload(10, i)).ConfigureAwait(false);
                await Wire.ReadAsync(socket, 10).ConfigureAwait(false);
            }

            await StopsWithZeroAsync(c).ConfigureAwait(false);
        }
        finally
        {
            open.ForEach(s => s.Dispose());
        }

        ContractViolation.Unless(!c.Server.LogTail(50).Contains("[vmbench] no exit", StringComparison.Ordinal), "the server did not exit within the grace period after SIGTERM (it was killed)");
        if (c.Address.IsUnix)
        {
            ContractViolation.Unless(!File.Exists(c.Address.UnixPath), $"the unix socket file {c.Address.UnixPath} is left behind after SIGTERM (remove it on the way out)");
        }
    });

    /// <summary>SIGTERM, and the exit code must be 0.</summary>
    internal static async Task StopsWithZeroAsync(CheckContext c)
    {
        var exit = await c.Server.StopAsync(c.CancellationToken).ConfigureAwait(false);
        ContractViolation.Unless(exit == 0, $"the server exited with code {exit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} on SIGTERM (expected 0)");
    }
}
