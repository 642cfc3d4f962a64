using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Running;
using VmBench.Load.Tests.TestServers;

namespace VmBench.Load.Tests;

/// <summary>The readiness probe over TLS: a handshake pinned to the run's certificate, then the verified echo.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class ReadinessProbeTlsTests : IDisposable
{
    private readonly ReadinessProbe _probe = new();
    private readonly TlsCredentials _run = TlsCredentials.Create(DateTimeOffset.UtcNow);
    private readonly TlsCredentials _other = TlsCredentials.Create(DateTimeOffset.UtcNow);

    [Theory]
    [InlineData(TlsVersion.Tls13)]
    [InlineData(TlsVersion.Tls12)]
    public async Task A_tls_echo_server_with_the_runs_certificate_is_ready(TlsVersion version)
    {
        var behaviour = new TlsEcho(_run);
        using var server = new TestServer(behaviour);

        Assert.Null(await _probe.TryOnceAsync(server.Address, Mode.Echo, _run.Client(version), CancellationToken.None));
        Assert.Equal(version == TlsVersion.Tls13 ? System.Security.Authentication.SslProtocols.Tls13 : System.Security.Authentication.SslProtocols.Tls12, behaviour.Negotiated);
    }

    [Fact]
    public async Task A_server_with_another_certificate_is_refused_naming_both_fingerprints()
    {
        using var server = new TestServer(new TlsEcho(_other));

        var reason = await _probe.TryOnceAsync(server.Address, Mode.Echo, _run.Client(TlsVersion.Tls13), CancellationToken.None);

        Assert.NotNull(reason);
        Assert.StartsWith("TLS handshake failed: the server's certificate is not the run's", reason, StringComparison.Ordinal);
        Assert.Contains(Fingerprint(_run), reason, StringComparison.Ordinal);
        Assert.Contains(Fingerprint(_other), reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plaintext_server_asked_for_tls_is_not_ready()
    {
        using var server = new TestServer(new EchoBehaviour());

        var reason = await _probe.TryOnceAsync(server.Address, Mode.Echo, _run.Client(TlsVersion.Tls13), CancellationToken.None);

        Assert.NotNull(reason);
        Assert.StartsWith("TLS handshake failed", reason, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _run.Dispose();
        _other.Dispose();
    }

    private static string Fingerprint(TlsCredentials credentials)
    {
        using var certificate = X509Certificate2.CreateFromPem(credentials.CertificatePem);
        return CertificatePin.Fingerprint(certificate.RawData);
    }

    /// <summary>Echo over SslStream with the given credentials (TLS 1.2 and 1.3).</summary>
    private sealed class TlsEcho(TlsCredentials credentials) : IConnectionBehaviour
    {
        private readonly X509Certificate2 _certificate = X509Certificate2.CreateFromPemFile(credentials.Server.CertificatePath, credentials.Server.KeyPath);

        public System.Security.Authentication.SslProtocols Negotiated { get; private set; }

        public void Serve(Socket connection)
        {
            using var ssl = new SslStream(new NetworkStream(connection, ownsSocket: false));
            try
            {
                ssl.AuthenticateAsServer(new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certificate,
                    EnabledSslProtocols = System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13,
                });
                Negotiated = ssl.SslProtocol;
                var buffer = new byte[16 * 1024];
                int n;
                while ((n = ssl.Read(buffer)) > 0)
                {
                    ssl.Write(buffer.AsSpan(0, n));
                }
            }
            catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException)
            {
                // the client refused the certificate or went away
            }
        }
    }
}
