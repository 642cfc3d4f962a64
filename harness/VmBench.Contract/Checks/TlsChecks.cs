using System.Net.Sockets;
using System.Security.Authentication;
using VmBench.Core.Load;

namespace VmBench.Contract.Checks;

/// <summary>The contract's echo over TLS (servers/README.md, TLS): SslStream clients pinned to the certificate the server was started with.</summary>
public static class TlsChecks
{
    /// <summary>The contract's bound on a client that never completes its handshake, plus slack for a loaded machine.</summary>
    public static readonly TimeSpan HandshakeDropLimit = TimeSpan.FromSeconds(13);

    public static readonly ContractCheck EchoesOneByteToOneMiB = new("Tls_echoes_1_byte_to_1_MiB_byte_for_byte", ContractCheck.OverTls, async c =>
    {
        await using var ssl = await TlsWire.ConnectAsync(c).ConfigureAwait(false);
        foreach (var size in new[] { 1, 1024, 16 * 1024 + 1, 65536, 1024 * 1024 })
        {
            await TlsWire.EchoAsync(ssl, Wire.Payload(size, size), $"a {size}-byte message").ConfigureAwait(false);
        }
    });

    public static readonly ContractCheck SplitRecords = new("Tls_messages_split_across_many_tiny_records_are_echoed_in_order", ContractCheck.OverTls, async c =>
    {
        await using var ssl = await TlsWire.ConnectAsync(c).ConfigureAwait(false);
        var payload = Wire.Payload(20_000, 7);
        var random = new Random(1);
        var reader = TlsWire.ReadAsync(ssl, payload.Length);
        for (var offset = 0; offset < payload.Length;)
        {
            // SslStream makes one record per write: 1 to 40 bytes each, about a thousand records.
            var chunk = Math.Min(random.Next(1, 40), payload.Length - offset);
            await TlsWire.WriteAsync(ssl, payload.AsMemory(offset, chunk)).ConfigureAwait(false);
            offset += chunk;
        }

        var echoed = await reader.ConfigureAwait(false);
        ContractViolation.Unless(payload.AsSpan().SequenceEqual(echoed), $"20,000 bytes sent in tiny TLS records came back as {echoed.Length} bytes not in order");
    });

    public static readonly ContractCheck BothVersions = new("Accepts_tls_1_2_and_tls_1_3", ContractCheck.OverTls, async c =>
    {
        foreach (var (version, expected) in new[] { (TlsVersion.Tls12, SslProtocols.Tls12), (TlsVersion.Tls13, SslProtocols.Tls13) })
        {
            await using var ssl = await TlsWire.ConnectAsync(c, version).ConfigureAwait(false);
            ContractViolation.Unless(ssl.SslProtocol == expected, $"offered {TlsWire.Describe(version)} only, the connection negotiated {ssl.SslProtocol}");
            await TlsWire.EchoAsync(ssl, Wire.Payload(4096, 3), $"4096 bytes over {TlsWire.Describe(version)}").ConfigureAwait(false);
        }
    });

    public static readonly ContractCheck CloseNotifyAndAbruptClose = new("Tls_close_notify_and_abrupt_close_are_answered_and_the_server_keeps_serving", ContractCheck.OverTls, async c =>
    {
        await using (var polite = await TlsWire.ConnectAsync(c).ConfigureAwait(false))
        {
            await TlsWire.EchoAsync(polite, Wire.Payload(1000, 1), "1000 bytes before close_notify").ConfigureAwait(false);
            await polite.ShutdownAsync().ConfigureAwait(false); // close_notify
            var rest = await TlsWire.ReadAsync(polite, 1).ConfigureAwait(false);
            ContractViolation.Unless(rest.Length == 0, "after the client's close_notify the server sent more data instead of closing");
        }

        var abrupt = await TlsWire.ConnectAsync(c).ConfigureAwait(false);
        await TlsWire.EchoAsync(abrupt, Wire.Payload(1000, 2), "1000 bytes before an abrupt close").ConfigureAwait(false);
        await TlsWire.WriteAsync(abrupt, Wire.Payload(100_000, 4)).ConfigureAwait(false); // unread echo pending: the close below resets
        await abrupt.DisposeAsync().ConfigureAwait(false); // no close_notify

        await using var after = await TlsWire.ConnectAsync(c).ConfigureAwait(false);
        await TlsWire.EchoAsync(after, Wire.Payload(1000, 5), "1000 bytes on a connection after a close_notify and an abrupt close").ConfigureAwait(false);
        ContractViolation.Unless(!c.Server.HasExited, "the server exited after a client closed its TLS connection");
    });

    public static readonly ContractCheck UnfinishedHandshake = new("Drops_a_client_that_never_finishes_its_tls_handshake_within_10_s", ContractCheck.OverTls, async c =>
    {
        using var silent = await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false);
        using var partial = await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false);
        await Wire.SendAsync(partial, new byte[] { 0x16, 0x03, 0x01, 0x02, 0x00, 0x01 }).ConfigureAwait(false); // a ClientHello's first bytes, never the rest
        var dropped = Task.WhenAll(
            TlsWire.ClosedWithinAsync(silent, HandshakeDropLimit, c.CancellationToken),
            TlsWire.ClosedWithinAsync(partial, HandshakeDropLimit, c.CancellationToken));

        // Meanwhile the server serves others.
        await using (var other = await TlsWire.ConnectAsync(c).ConfigureAwait(false))
        {
            await TlsWire.EchoAsync(other, Wire.Payload(1000, 6), "1000 bytes while two clients stall their handshakes").ConfigureAwait(false);
        }

        var times = await dropped.ConfigureAwait(false);
        ContractViolation.Unless(times[0] is not null, $"a client that connected and sent nothing was still connected after {HandshakeDropLimit.TotalSeconds:0} s (the contract: dropped within 10 s)");
        ContractViolation.Unless(times[1] is not null, $"a client that sent part of a ClientHello was still connected after {HandshakeDropLimit.TotalSeconds:0} s (the contract: dropped within 10 s)");
    });

    public static readonly ContractCheck GarbageClientHello = new("Garbage_instead_of_a_client_hello_closes_only_that_connection", ContractCheck.OverTls, async c =>
    {
        await using var good = await TlsWire.ConnectAsync(c).ConfigureAwait(false);
        using (var garbage = await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false))
        {
            await Wire.SendAsync(garbage, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"u8.ToArray().Concat(Wire.Payload(1000, 9)).ToArray()).ConfigureAwait(false);
            var closed = await TlsWire.ClosedWithinAsync(garbage, HandshakeDropLimit, c.CancellationToken).ConfigureAwait(false);
            ContractViolation.Unless(closed is not null, $"a connection that sent garbage instead of a ClientHello was still open after {HandshakeDropLimit.TotalSeconds:0} s");
        }

        await TlsWire.EchoAsync(good, Wire.Payload(1000, 10), "1000 bytes on a connection opened before another sent garbage").ConfigureAwait(false);
        await using var after = await TlsWire.ConnectAsync(c).ConfigureAwait(false);
        await TlsWire.EchoAsync(after, Wire.Payload(1000, 11), "1000 bytes on a connection opened after another sent garbage").ConfigureAwait(false);
    });
}
