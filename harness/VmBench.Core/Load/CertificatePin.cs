using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VmBench.Core.Load;

/// <summary>
/// Accepts exactly one server certificate, the run's generated one (compared by DER bytes: a chain of one, no
/// trust store, no name check beyond it), for the harness's SslStream clients (readiness, conformance checks).
/// </summary>
public sealed class CertificatePin
{
    private readonly byte[] _expected;

    public CertificatePin(string certificatePem)
    {
        using var certificate = X509Certificate2.CreateFromPem(certificatePem);
        _expected = certificate.RawData;
        Expected = Fingerprint(_expected);
    }

    /// <summary>The expected certificate's SHA-256 fingerprint (hex).</summary>
    public string Expected { get; }

    /// <summary>Why the last certificate seen was refused; null when it was accepted or none was seen.</summary>
    public string? Refusal { get; private set; }

    public static string Fingerprint(ReadOnlySpan<byte> der) => Convert.ToHexString(SHA256.HashData(der));

    /// <summary>Client options for <see cref="SslStream.AuthenticateAsClientAsync(SslClientAuthenticationOptions, CancellationToken)"/>: this pin, the one version, host localhost.</summary>
    public SslClientAuthenticationOptions Options(TlsVersion version) => new()
    {
        TargetHost = "localhost",
        EnabledSslProtocols = Protocols(version),
        RemoteCertificateValidationCallback = (_, certificate, _, _) => Accepts(certificate),
    };

    public static SslProtocols Protocols(TlsVersion version) => version == TlsVersion.Tls12 ? SslProtocols.Tls12 : SslProtocols.Tls13;

    public bool Accepts(X509Certificate? certificate)
    {
        if (certificate is null)
        {
            Refusal = $"the server sent no certificate (expected SHA-256 {Expected})";
            return false;
        }

        var received = certificate.GetRawCertData();
        if (received.AsSpan().SequenceEqual(_expected))
        {
            Refusal = null;
            return true;
        }

        Refusal = $"the server's certificate is not the run's: expected SHA-256 {Expected}, received {Fingerprint(received)} (start the server with the --tls-cert/--tls-key it is given)";
        return false;
    }
}
