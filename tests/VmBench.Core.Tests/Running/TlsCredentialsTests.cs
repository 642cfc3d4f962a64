using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VmBench.Core.Load;
using VmBench.Core.Running;

namespace VmBench.Core.Tests.Running;

[Trait(Tier.Key, Tier.Fast)]
public sealed class TlsCredentialsTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_certificate_is_a_self_signed_ecdsa_p256_sha256_one_for_localhost_valid_an_hour_back_for_two_days()
    {
        using var credentials = TlsCredentials.Create(s_now);
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(credentials.Server.CertificatePath));

        Assert.Equal(credentials.CertificatePem, File.ReadAllText(credentials.Server.CertificatePath));
        Assert.Equal(certificate.Subject, certificate.Issuer);
        Assert.Equal("1.2.840.10045.2.1", certificate.PublicKey.Oid.Value); // id-ecPublicKey
        using (var key = certificate.GetECDsaPublicKey()!)
        {
            Assert.Equal(256, key.KeySize);
            Assert.Equal("1.2.840.10045.3.1.7", key.ExportParameters(false).Curve.Oid.Value); // P-256
        }

        Assert.Equal("1.2.840.10045.4.3.2", certificate.SignatureAlgorithm.Value); // ecdsa-with-SHA256
        Assert.Equal(s_now.AddHours(-1).UtcDateTime, certificate.NotBefore.ToUniversalTime());
        Assert.Equal(s_now.AddDays(2).UtcDateTime, certificate.NotAfter.ToUniversalTime());
        var names = Assert.Single(certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>());
        Assert.Equal(["localhost"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], names.EnumerateIPAddresses());
        Assert.True(certificate.MatchesHostname("localhost"));
    }

    [Fact]
    public void The_key_is_unencrypted_pkcs8_pem_of_the_certificates_key_and_every_run_gets_a_new_one()
    {
        using var first = TlsCredentials.Create(s_now);
        using var second = TlsCredentials.Create(s_now);
        var keyPem = File.ReadAllText(first.Server.KeyPath);

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", keyPem, StringComparison.Ordinal);
        using var pair = X509Certificate2.CreateFromPem(first.CertificatePem, keyPem);
        Assert.True(pair.HasPrivateKey);
        Assert.NotEqual(first.CertificatePem, second.CertificatePem);
        Assert.NotEqual(keyPem, File.ReadAllText(second.Server.KeyPath));
        Assert.NotEqual(first.Root, second.Root);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_key_sits_in_a_folder_only_this_user_can_enter_and_is_readable_once_mounted()
    {
        using var credentials = TlsCredentials.Create(s_now);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(credentials.Root));
        Assert.Equal(credentials.Root, Path.GetDirectoryName(credentials.Server.Directory));
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(credentials.Server.Directory));
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(credentials.Server.KeyPath));
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(credentials.Server.CertificatePath));
    }

    [Fact]
    public void Dispose_removes_the_key_and_its_folder_and_the_run_folder_keeps_only_the_certificate()
    {
        var runFolder = Path.Combine(Path.GetTempPath(), "vmbench-tls-run-" + Guid.NewGuid().ToString("N"));
        string root;
        string copy;
        using (var credentials = TlsCredentials.Create(s_now))
        {
            root = credentials.Root;
            copy = credentials.CopyCertificateTo(runFolder);
            Assert.Equal(new TlsClient(credentials.CertificatePem, TlsVersion.Tls12), credentials.Client(TlsVersion.Tls12));
        }

        try
        {
            Assert.False(Directory.Exists(root));
            Assert.Equal(Path.Combine(runFolder, "tls-cert.pem"), copy);
            Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(copy), StringComparison.Ordinal);
            Assert.DoesNotContain("PRIVATE KEY", File.ReadAllText(copy), StringComparison.Ordinal);
            Assert.Equal(["tls-cert.pem"], Directory.GetFiles(runFolder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(runFolder, recursive: true);
        }
    }
}
