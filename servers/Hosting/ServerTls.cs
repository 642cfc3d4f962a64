using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VmBench.Servers.Hosting;

/// <summary>
/// TLS as every .NET server speaks it (servers/README.md, "TLS"): one certificate with its private key, TLS 1.2
/// and 1.3, no client certificate, no renegotiation, a handshake bounded by <see cref="HandshakeTimeout"/>. The
/// certificate context is built once (offline: nothing is fetched), so a handshake costs no chain building.
/// </summary>
public sealed class ServerTls
{
    /// <summary>A client that has not finished its handshake by then is dropped (bounded memory per connection).</summary>
    public static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    public ServerTls(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException($"certificate {certificate.Subject} has no private key: a server needs one", nameof(certificate));
        }

        Certificate = certificate;
        AuthenticationOptions = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true),
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ClientCertificateRequired = false,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            AllowRenegotiation = false,
        };
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The handshake options, one instance shared by every connection (SslStream copies what it needs).</summary>
    public SslServerAuthenticationOptions AuthenticationOptions { get; }

    /// <summary>
    /// Loads the contract's two PEM files: <paramref name="certificatePath"/> (a certificate) and
    /// <paramref name="keyPath"/> (its private key, unencrypted PKCS#8). A file that is missing, unreadable,
    /// not PEM, or a key that is not the certificate's throws <see cref="TlsFileException"/> naming that file.
    /// </summary>
    public static ServerTls Load(string certificatePath, string keyPath)
    {
        var certificatePem = ReadPem(certificatePath, "certificate");
        var keyPem = ReadPem(keyPath, "private key");
        X509Certificate2 certificate;
        try
        {
            using var alone = X509Certificate2.CreateFromPem(certificatePem);
        }
        catch (CryptographicException ex)
        {
            throw new TlsFileException(certificatePath, $"holds no PEM certificate (-----BEGIN CERTIFICATE-----): {ex.Message}");
        }

        try
        {
            certificate = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new TlsFileException(keyPath, $"holds no private key of the certificate in {certificatePath} (unencrypted PKCS#8 PEM, -----BEGIN PRIVATE KEY-----): {ex.Message}");
        }

        return new ServerTls(certificate);
    }

    /// <summary>The server side of the handshake over an accepted socket (the stream owns it), bounded by <see cref="HandshakeTimeout"/> and <paramref name="cancellationToken"/>.</summary>
    public async Task<SslStream> AuthenticateAsync(Socket client, CancellationToken cancellationToken)
    {
        var stream = new SslStream(new NetworkStream(client, ownsSocket: true), leaveInnerStreamOpen: false);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(HandshakeTimeout);
            await stream.AuthenticateAsServerAsync(AuthenticationOptions, timeout.Token).ConfigureAwait(false);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The blocking form of <see cref="AuthenticateAsync"/>, for a thread that owns its connection: past
    /// <see cref="HandshakeTimeout"/> the socket is closed, which fails the blocked handshake.
    /// </summary>
    public SslStream Authenticate(Socket client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var stream = new SslStream(new NetworkStream(client, ownsSocket: true), leaveInnerStreamOpen: false);
        try
        {
            using var timer = new Timer(static state => ((Socket)state!).Dispose(), client, HandshakeTimeout, Timeout.InfiniteTimeSpan);
            stream.AuthenticateAsServer(AuthenticationOptions);
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Sends close_notify, then the TCP FIN: what a server does when the client has closed its side.</summary>
    public static async Task CloseAsync(SslStream stream, Socket client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(client);
        await stream.ShutdownAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        client.Shutdown(SocketShutdown.Send);
    }

    /// <summary>True for what ends one TLS connection and nothing more: a failed or timed-out handshake, a reset, a stop.</summary>
    public static bool IsConnectionEnd(Exception ex) =>
        ex is AuthenticationException or IOException or SocketException or OperationCanceledException or ObjectDisposedException;

    private static string ReadPem(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new TlsFileException(path, $"cannot be read as the {what}: {ex.Message}");
        }

        if (!PemEncoding.TryFind(text, out _))
        {
            throw new TlsFileException(path, $"is not PEM (no -----BEGIN ...----- block): the {what} must be a PEM file");
        }

        return text;
    }
}
