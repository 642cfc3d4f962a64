using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Load.Tests.TestServers;

namespace VmBench.Load.Tests;

/// <summary>
/// Churn with TLS (the tlshandshake benchmarks): every exchange a connection with a full handshake, one verified 64-B
/// echo, close_notify and close. The client checks its own count (every handshake an exchange completed, failed, or
/// in flight at the end, else the job fails); the handshakes the server completed match the exchanges it counted (but
/// those in flight as a job ended), every one ended with the client's close_notify; a plain server's answer to the
/// ClientHello is a counted handshake failure with OpenSSL's reason; another certificate fails the job.
/// </summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class TlsChurnTests : IDisposable
{
    private const int Concurrency = 8;

    private readonly X509Certificate2 _certificate = TlsEchoServer.CreateCertificate();
    private readonly LoadGenerator _load = new();

    [Fact]
    public async Task Handshake_counting_is_exact_over_2000_handshakes()
    {
        using var server = new TlsEchoServer(_certificate);
        long requests = 0;
        var jobs = 0;
        var clock = Stopwatch.StartNew();
        while (requests < 2000)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"only {requests:N0} handshakes in {jobs} jobs within a minute");
            var handshakesBefore = server.Handshakes;
            var result = await _load.RunAsync(Spec(server.Address, 1), null, CancellationToken.None);
            Assert.True(result.Succeeded, result.Failure);
            Assert.Equal(0, result.Errors);
            Assert.True(result.Requests > 0);
            Assert.Equal(new TlsSession("TLSv1.3", result.Tls?.Cipher ?? "?"), result.Tls);
            // Every exchange counted had its own full handshake; beyond them only those in flight as the job ended.
            Assert.InRange(server.Handshakes - handshakesBefore, result.Requests, result.Requests + Concurrency);
            requests += result.Requests;
            jobs++;
        }

        // Every exchange counted ended with the client's close_notify (the server may still be reading the last ones).
        var served = Stopwatch.StartNew();
        while (server.Served < requests && served.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }

        Assert.InRange(server.Served, requests, requests + ((long)jobs * Concurrency));
        Assert.InRange(server.Handshakes, requests, requests + ((long)jobs * Concurrency));
    }

    [Fact]
    public async Task TLS_1_2_churn_negotiates_TLS_1_2()
    {
        using var server = new TlsEchoServer(_certificate);
        var result = await _load.RunAsync(Spec(server.Address, 0.5) with { Tls = new TlsClient(_certificate.ExportCertificatePem(), TlsVersion.Tls12) }, null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("TLSv1.2", result.Tls?.Protocol);
        Assert.InRange(server.Handshakes, result.Requests, result.Requests + Concurrency);
    }

    [Fact]
    public async Task A_plain_echo_server_fails_every_exchange_at_the_handshake_with_the_reason()
    {
        using var server = new ChurnServer();
        var result = await _load.RunAsync(Spec(server.Address, 0.5), null, CancellationToken.None);

        Assert.False(result.Succeeded, "a plain echo server passed for a TLS one");
        Assert.Equal(0, result.Requests);
        Assert.Matches(@"^[\d,]+ of [\d,]+ exchanges failed \([\d,]+ TLS handshake: [^)]+\); the first: exchange 1 of slot \d+ from 127\.1\.\d+\.\d+, TLS handshake failed: error:[0-9A-F]+:SSL routines::", result.Failure);
    }

    [Fact]
    public async Task Another_certificate_fails_the_churn_job_with_both_fingerprints()
    {
        using var other = TlsEchoServer.CreateCertificate();
        using var server = new TlsEchoServer(other);
        var result = await _load.RunAsync(Spec(server.Address, 0.5), null, CancellationToken.None);

        Assert.False(result.Succeeded, "a server presenting another certificate was accepted");
        Assert.Matches(@"^exchange 1 of slot \d+ \(from 127\.1\.\d+\.\d+\): server certificate SHA256:[0-9a-f]{64} is not the one this run generated \(SHA256:[0-9a-f]{64}\)$", result.Failure);
        Assert.Equal(0, result.Requests);
    }

    public void Dispose() => _certificate.Dispose();

    private LoadSpec Spec(Address address, double seconds) =>
        new(address, Mode.Echo, Protocol.ConnectMessageSize, Concurrency, 1, TimeSpan.FromSeconds(seconds), TimeSpan.Zero, HardTimeout: TimeSpan.FromSeconds(seconds + 10), Pattern: LoadPattern.Churn, Tls: new TlsClient(_certificate.ExportCertificatePem()));
}
