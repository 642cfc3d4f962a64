using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using VmBench.Core.Load;

namespace VmBench.Contract;

/// <summary>The conformance checks' TLS client: SslStream over a <see cref="Wire"/> connection, the run's certificate pinned, every step bounded by <see cref="Wire.Timeout"/>.</summary>
public static class TlsWire
{
    /// <summary>Connects and completes a handshake offering <paramref name="version"/> only; a refused certificate or a failed handshake is a <see cref="ContractViolation"/>.</summary>
    public static async Task<SslStream> ConnectAsync(CheckContext context, TlsVersion version = TlsVersion.Tls13)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tls = context.Tls ?? throw new InvalidOperationException($"{context.Benchmark.Name}: a TLS check needs the certificate the server was started with (CheckContext.Tls)");
        var socket = await Wire.ConnectAsync(context.Address, context.CancellationToken).ConfigureAwait(false);
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: true));
        var pin = new CertificatePin(tls.CertificatePem);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(Wire.Timeout);
        try
        {
            await ssl.AuthenticateAsClientAsync(pin.Options(version), timeout.Token).ConfigureAwait(false);
            return ssl;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw new ContractViolation($"the {Describe(version)} handshake failed: {pin.Refusal ?? ex.Message}");
        }
    }

    public static string Describe(TlsVersion version) => version == TlsVersion.Tls12 ? "TLS 1.2" : "TLS 1.3";

    /// <summary>Writes everything, bounded by <see cref="Wire.Timeout"/>.</summary>
    public static async Task WriteAsync(SslStream ssl, ReadOnlyMemory<byte> data)
    {
        ArgumentNullException.ThrowIfNull(ssl);
        using var timeout = new CancellationTokenSource(Wire.Timeout);
        await ssl.WriteAsync(data, timeout.Token).ConfigureAwait(false);
        await ssl.FlushAsync(timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Reads exactly <paramref name="count"/> decrypted bytes, or fewer if the peer closes first.</summary>
    public static async Task<byte[]> ReadAsync(SslStream ssl, int count)
    {
        ArgumentNullException.ThrowIfNull(ssl);
        var buffer = new byte[count];
        var filled = 0;
        using var timeout = new CancellationTokenSource(Wire.Timeout);
        while (filled < count)
        {
            var read = await ssl.ReadAsync(buffer.AsMemory(filled), timeout.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer[..filled];
            }

            filled += read;
        }

        return buffer;
    }

    /// <summary>Sends <paramref name="payload"/> and checks it comes back byte for byte (<paramref name="what"/> names it in the violation).</summary>
    public static async Task EchoAsync(SslStream ssl, byte[] payload, string what)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var send = WriteAsync(ssl, payload);
        var echoed = await ReadAsync(ssl, payload.Length).ConfigureAwait(false);
        await send.ConfigureAwait(false);
        ContractViolation.Unless(payload.AsSpan().SequenceEqual(echoed), $"{what} was not echoed byte for byte over TLS ({echoed.Length} of {payload.Length} bytes came back{FirstDifference(payload, echoed)})");
    }

    /// <summary>How long until the server closes a plain socket (EOF or reset), or null if it stays open for <paramref name="limit"/>; whatever it sends meanwhile is read and dropped.</summary>
    public static async Task<TimeSpan?> ClosedWithinAsync(Socket socket, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var buffer = new byte[4096];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (SocketException)
        {
            // a reset is a close too
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return clock.Elapsed;
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var at = expected.AsSpan().CommonPrefixLength(actual);
        return at < actual.Length ? $"; the first wrong byte is at {at}" : string.Empty;
    }
}
