using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace VmBench.Servers.Tests;

/// <summary>A test's TLS client: SslStream pinned to one certificate (equal DER), offering one protocol version.</summary>
internal static class TlsClient
{
    public static async Task<SslStream> ConnectAsync(TestServer server, byte[] pinnedDer, SslProtocols version, CancellationToken cancellationToken) =>
        await AuthenticateAsync(await server.ConnectAsync(cancellationToken).ConfigureAwait(false), pinnedDer, version, cancellationToken).ConfigureAwait(false);

    /// <summary>The client handshake over a connected socket, which the returned stream owns.</summary>
    public static async Task<SslStream> AuthenticateAsync(Socket socket, byte[] pinnedDer, SslProtocols version, CancellationToken cancellationToken)
    {
        var stream = new SslStream(new NetworkStream(socket, ownsSocket: true));
        try
        {
            await stream.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = "localhost",
                    EnabledSslProtocols = version,
                    CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
                    RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinnedDer),
                },
                cancellationToken).ConfigureAwait(false);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Writes and, at the same time, reads the same number of bytes back.</summary>
    public static async Task<byte[]> EchoAsync(SslStream stream, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var receive = ReadExactlyAsync(stream, payload.Length, cancellationToken);
        await stream.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
        return await receive.ConfigureAwait(false);
    }

    public static async Task<byte[]> ReadExactlyAsync(SslStream stream, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer;
    }

    /// <summary>Reads until the server's end of the stream (its close_notify or FIN); returns everything read.</summary>
    public static async Task<byte[]> ReadToEndAsync(SslStream stream, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, cancellationToken).ConfigureAwait(false);
        return received.ToArray();
    }
}
