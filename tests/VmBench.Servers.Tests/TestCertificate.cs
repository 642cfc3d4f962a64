using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VmBench.Servers.Tests;

/// <summary>
/// A fresh certificate of the contract's shape (ECDSA P-256, SHA-256, SAN localhost/127.0.0.1/::1) written as the two
/// PEM files the harness passes (--tls-cert, --tls-key), in a temp folder removed on dispose.
/// </summary>
internal sealed class TestCertificate : IDisposable
{
    private readonly DirectoryInfo _directory;

    public TestCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(2));
        CertificatePem = certificate.ExportCertificatePem();
        Der = certificate.RawData;
        _directory = Directory.CreateTempSubdirectory("vmb-tls");
        CertificatePath = Path.Combine(_directory.FullName, "cert.pem");
        KeyPath = Path.Combine(_directory.FullName, "key.pem");
        File.WriteAllText(CertificatePath, CertificatePem);
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public string CertificatePem { get; }

    /// <summary>The certificate's DER: what a pinned client accepts, and nothing else.</summary>
    public byte[] Der { get; }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    /// <summary>A path in the same temp folder, for files a test writes (a bad key, say).</summary>
    public string PathFor(string name) => Path.Combine(_directory.FullName, name);

    public void Dispose() => _directory.Delete(recursive: true);
}
