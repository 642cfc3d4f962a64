using System.Diagnostics;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Load.Tests.TestServers;

namespace VmBench.Load.Tests;

/// <summary>
/// Connection churn (<see cref="LoadPattern.Churn"/>): one connection per verified echo. Many connections with no
/// false error (TIME_WAIT on the client's side spread over source addresses), a server that resets one connection in
/// a hundred reported with the count and the reason, a wrong byte failing the job. Every job is bounded by its
/// duration plus a hard timeout, the 100,000 connections by a minute.
/// </summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class ChurnTests
{
    private const int Concurrency = ChurnServer.Threads;

    private readonly LoadGenerator _load = new();

    [Fact]
    public async Task Churn_with_100000_connections_has_no_false_errors_and_counts_every_exchange()
    {
        using var server = new ChurnServer();
        long requests = 0, latencies = 0;
        var jobs = 0;
        var clock = Stopwatch.StartNew();
        while (requests < 100_000)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"only {requests:N0} exchanges in {jobs} jobs of 2 s within a minute");
            var result = await _load.RunAsync(Spec(server.Address, seconds: 2), null, CancellationToken.None);
            Assert.True(result.Succeeded, result.Failure);
            Assert.Equal(0, result.Errors);
            Assert.True(result.Requests > 0);
            Assert.Equal(result.Requests + result.Outstanding, result.Latency.Count);
            requests += result.Requests;
            latencies += result.Latency.Count;
            jobs++;
        }

        // The server saw every exchange the client counted end cleanly; beyond them only those in flight as each job ended.
        Assert.InRange(server.Served, requests, requests + ((long)jobs * Concurrency));
        Assert.Equal(0, server.Reset);
        // Spread over source addresses: one address would hold all the TIME_WAIT ports (28,232 by default per 60 s).
        Assert.True(server.Sources >= 1000, $"connections came from only {server.Sources} addresses");
    }

    [Fact]
    public async Task A_server_that_resets_every_100th_connection_is_reported_with_the_count_and_the_reason()
    {
        using var server = new ChurnServer { ResetEvery = 100 };
        var result = await _load.RunAsync(Spec(server.Address, seconds: 1.5), null, CancellationToken.None);

        Assert.False(result.Succeeded, $"{server.Reset} resets among {server.Accepted} connections went unseen ({result.RequestsPerSecond:N0} connections/s)");
        Assert.True(server.Reset >= 10, $"only {server.Accepted} connections: too few to see one in a hundred reset");
        // Every reset the server made is counted, but those the client's last exchanges had not read by the end.
        Assert.InRange(result.Errors, server.Reset - Concurrency, server.Reset);
        Assert.Matches($@"^{result.Errors:N0} of [\d,]+ exchanges failed \([\d,]+ (echo|connect): (connection reset by peer|broken pipe)(; [^)]+)?\); the first: exchange \d+ of slot \d+ from 127\.1\.\d+\.\d+, ", result.Failure);
    }

    [Fact]
    public async Task A_wrong_byte_in_one_echo_fails_the_job()
    {
        using var server = new ChurnServer { CorruptConnection = 500 };
        var result = await _load.RunAsync(Spec(server.Address, seconds: 1.5), null, CancellationToken.None);

        Assert.False(result.Succeeded, "a wrong byte in the 500th connection's echo went unseen");
        Assert.Matches(@"^payload mismatch on exchange \d+ of slot \d+ \(from 127\.1\.\d+\.\d+\) at byte 0: expected 0x[0-9A-F]{2}, got 0x[0-9A-F]{2}$", result.Failure);
    }

    [Fact]
    public async Task A_server_that_is_not_listening_fails_every_exchange_as_refused()
    {
        int port;
        using (var server = new ChurnServer())
        {
            port = server.Address.Port;
        }

        var result = await _load.RunAsync(Spec(Address.Tcp(System.Net.IPAddress.Loopback, port), seconds: 0.5), null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Requests);
        Assert.True(result.Errors > Concurrency, $"{result.Errors} errors");
        Assert.Matches(@"^[\d,]+ of [\d,]+ exchanges failed \([\d,]+ connect: connection refused\); the first: ", result.Failure);
    }

    [Theory]
    [InlineData("[::1]:5000", "needs an IPv4 loopback target")]
    [InlineData("unix:/tmp/vmbench-churn.sock", "runs over tcp only")]
    public async Task Churn_refuses_targets_it_cannot_spread_over_source_addresses(string address, string expected)
    {
        Assert.True(Address.TryParse(address, out var parsed, out _));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _load.RunAsync(Spec(parsed), null, CancellationToken.None));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_constant_rate_connections_start_on_plan_and_the_corrected_latency_runs_from_then()
    {
        using var server = new ChurnServer();
        var result = await _load.RunAsync(Spec(server.Address, seconds: 2) with { Rate = 2000 }, null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(2000, result.IntendedRate);
        Assert.InRange(result.RequestsPerSecond, 1900, 2040);
        Assert.NotNull(result.CorrectedLatency);
        Assert.Equal(result.Latency.Count, result.CorrectedLatency!.Count);
        Assert.True(result.CorrectedLatency.P50 >= result.Latency.P50, $"corrected p50 {result.CorrectedLatency.P50} ms below the uncorrected {result.Latency.P50} ms");
        Assert.InRange(server.Served, result.Requests, result.Requests + Concurrency);
    }

    [Fact]
    public async Task Churn_refuses_other_modes()
    {
        var address = Address.Tcp(System.Net.IPAddress.Loopback, 5000);
        var mode = await Assert.ThrowsAsync<ArgumentException>(() => _load.RunAsync(Spec(address) with { Mode = Mode.Readline }, null, CancellationToken.None));
        Assert.Contains("echo exchanges only (got mode readline)", mode.Message, StringComparison.Ordinal);
    }

    private static LoadSpec Spec(Address address, double seconds = 1) =>
        new(address, Mode.Echo, Protocol.ConnectMessageSize, Concurrency, 1, TimeSpan.FromSeconds(seconds), TimeSpan.Zero, HardTimeout: TimeSpan.FromSeconds(seconds + 10), Pattern: LoadPattern.Churn);
}
