using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Load.Tests.TestServers;

namespace VmBench.Load.Tests;

/// <summary>
/// TLS inside the load client's event loop (<see cref="LoadSpec.Tls"/>) against a test-only SslStream echo server:
/// byte-exact echo from 1 B to 1 MiB over TLS 1.3 and 1.2, the negotiated session reported, a certificate other than
/// the expected one refused with both fingerprints, a wrong byte after decryption a failure, a plain server a clear
/// handshake error. Every job is bounded by its duration plus a hard timeout.
/// </summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class TlsEchoTests : IDisposable
{
    private readonly X509Certificate2 _certificate = TlsEchoServer.CreateCertificate();
    private readonly LoadGenerator _load = new();

    [Theory]
    [InlineData(1, TlsVersion.Tls13, "TLSv1.3")]
    [InlineData(1024, TlsVersion.Tls13, "TLSv1.3")]
    [InlineData(100 * 1024, TlsVersion.Tls13, "TLSv1.3")]
    [InlineData(1024 * 1024, TlsVersion.Tls13, "TLSv1.3")]
    [InlineData(1, TlsVersion.Tls12, "TLSv1.2")]
    [InlineData(1024, TlsVersion.Tls12, "TLSv1.2")]
    [InlineData(100 * 1024, TlsVersion.Tls12, "TLSv1.2")]
    [InlineData(1024 * 1024, TlsVersion.Tls12, "TLSv1.2")]
    public async Task Echo_over_TLS_is_byte_exact_and_reports_the_negotiated_session(int size, TlsVersion version, string protocol)
    {
        using var server = new TlsEchoServer(_certificate);
        var result = await _load.RunAsync(Spec(server.Address, size, version), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.Requests > 0, "no request completed");
        Assert.Equal(0, result.Errors);
        Assert.Equal(result.Requests * size, result.Bytes);
        Assert.NotNull(result.Tls);
        Assert.Equal(protocol, result.Tls!.Protocol);
        Assert.Matches(version == TlsVersion.Tls13 ? "^TLS_(AES|CHACHA20)_" : "^ECDHE-ECDSA-", result.Tls.Cipher);
        Assert.Equal(4, server.Handshakes);
    }

    [Fact]
    public async Task A_server_with_another_certificate_is_refused_with_both_fingerprints()
    {
        using var other = TlsEchoServer.CreateCertificate();
        using var server = new TlsEchoServer(other);
        var result = await _load.RunAsync(Spec(server.Address, 1024, TlsVersion.Tls13), null, CancellationToken.None);

        Assert.False(result.Succeeded, "a server presenting another certificate was accepted");
        var presented = "SHA256:" + Convert.ToHexStringLower(SHA256.HashData(other.RawData));
        var expected = "SHA256:" + Convert.ToHexStringLower(SHA256.HashData(_certificate.RawData));
        Assert.Contains($"server certificate {presented} is not the one this run generated ({expected})", result.Failure, StringComparison.Ordinal);
        Assert.Null(result.Tls);
    }

    [Fact]
    public async Task One_wrong_byte_after_decryption_fails_the_job()
    {
        // Byte 50,000 of the stream: the primed request took the first 1,024, so it is byte 848 of the 48th request in the loop.
        using var server = new TlsEchoServer(_certificate) { CorruptAt = 50_000 };
        var result = await _load.RunAsync(Spec(server.Address, 1024, TlsVersion.Tls13), null, CancellationToken.None);

        Assert.False(result.Succeeded, "a flipped byte in the decrypted echo went unseen");
        Assert.Matches(@"^payload mismatch on connection \d+ at byte 848 of request 48: expected 0x[0-9A-F]{2}, got 0x[0-9A-F]{2}$", result.Failure);
    }

    [Fact]
    public async Task A_plain_echo_server_gives_a_handshake_error_not_a_hang()
    {
        using var server = new TestServer(new EchoBehaviour());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await _load.RunAsync(Spec(server.Address, 1024, TlsVersion.Tls13), null, CancellationToken.None);

        Assert.False(result.Succeeded, "a plain echo server passed for a TLS one");
        Assert.Matches(@"^connection 0 of 4 opened, but its TLS handshake failed: TLS handshake failed: error:[0-9A-F]+:SSL routines::", result.Failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the handshake error took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_certificate_that_is_not_PEM_is_refused_before_connecting()
    {
        var spec = Spec(Address.Tcp(System.Net.IPAddress.Loopback, 1), 1024, TlsVersion.Tls13) with { Tls = new TlsClient("not a certificate") };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _load.RunAsync(spec, null, CancellationToken.None));
        Assert.StartsWith("the TLS certificate to accept is not a PEM certificate", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _certificate.Dispose();

    private LoadSpec Spec(Address address, int size, TlsVersion version) =>
        Specs.Echo(address, size, concurrency: 4, seconds: 0.5) with { Tls = new TlsClient(_certificate.ExportCertificatePem(), version) };
}
