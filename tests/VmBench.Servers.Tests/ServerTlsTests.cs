using System.Security.Cryptography;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Tests;

/// <summary>Loading the two PEM files (a bad one is named) and the TLS flags' parsing (both or neither).</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class ServerTlsTests
{
    [Fact]
    public void Load_takes_the_contract_pem_files()
    {
        using var files = new TestCertificate();

        var tls = ServerTls.Load(files.CertificatePath, files.KeyPath);

        Assert.True(tls.Certificate.HasPrivateKey);
        Assert.Equal(files.Der, tls.Certificate.RawData);
        Assert.Equal(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13, tls.AuthenticationOptions.EnabledSslProtocols);
    }

    [Fact]
    public void A_missing_certificate_file_is_named()
    {
        using var files = new TestCertificate();
        var missing = files.PathFor("nothing.pem");

        var error = Assert.Throws<TlsFileException>(() => ServerTls.Load(missing, files.KeyPath));

        Assert.Equal(missing, error.Path);
        Assert.StartsWith(missing + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_that_is_not_pem_is_named()
    {
        using var files = new TestCertificate();
        var notPem = files.PathFor("key.txt");
        File.WriteAllText(notPem, "not a key");

        var error = Assert.Throws<TlsFileException>(() => ServerTls.Load(files.CertificatePath, notPem));

        Assert.Equal(notPem, error.Path);
        Assert.Contains("not PEM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_file_holding_a_key_is_named()
    {
        using var files = new TestCertificate();

        var error = Assert.Throws<TlsFileException>(() => ServerTls.Load(files.KeyPath, files.KeyPath));

        Assert.Equal(files.KeyPath, error.Path);
        Assert.Contains("no PEM certificate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_of_another_certificate_is_named()
    {
        using var files = new TestCertificate();
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var otherKey = files.PathFor("other-key.pem");
        File.WriteAllText(otherKey, other.ExportPkcs8PrivateKeyPem());

        var error = Assert.Throws<TlsFileException>(() => ServerTls.Load(files.CertificatePath, otherKey));

        Assert.Equal(otherKey, error.Path);
    }

    [Theory]
    [InlineData("--tls-cert", "c.pem")]
    [InlineData("--tls-key", "k.pem")]
    public void One_tls_flag_without_the_other_is_a_usage_error(string flag, string path)
    {
        var parsed = ServerHost.TryParseArguments(["--addr", "127.0.0.1:0", "--mode", "echo", flag, path], out _, out var tlsFiles, out var error);

        Assert.False(parsed);
        Assert.Null(tlsFiles);
        Assert.Contains(flag == "--tls-cert" ? "--tls-key" : "--tls-cert", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_tls_flags_give_the_two_paths_unloaded()
    {
        var parsed = ServerHost.TryParseArguments(["--addr", "127.0.0.1:0", "--mode", "readline", "--tls-cert", "c.pem", "--tls-key", "k.pem"], out var options, out var tlsFiles, out _);

        Assert.True(parsed);
        Assert.Equal(("c.pem", "k.pem"), tlsFiles);
        Assert.Null(options.Tls);
        Assert.Equal(ServerMode.Readline, options.Mode);
    }

    [Fact]
    public void Tls_with_http_is_a_usage_error()
    {
        var parsed = ServerHost.TryParseArguments(["--addr", "127.0.0.1:0", "--mode", "http", "--tls-cert", "c.pem", "--tls-key", "k.pem"], out _, out _, out var error);

        Assert.False(parsed);
        Assert.Contains("http", error, StringComparison.Ordinal);
    }
}
