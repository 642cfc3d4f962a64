using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Load.Tests.TestServers;

namespace VmBench.Load.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class EchoLoadTests
{
    private readonly LoadGenerator _load = new();

    [Fact]
    public async Task ClosedLoopAgainstAnEchoServerCountsEveryVerifiedRequest()
    {
        using var server = new TestServer(new EchoBehaviour());
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 1000, seconds: 1.5), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.Requests > 100, $"only {result.Requests} requests");
        Assert.Equal(result.Requests, result.Messages);
        Assert.Equal(result.Requests * 1000, result.Bytes);
        Assert.Equal(0, result.Stalled);
        Assert.Equal(result.Requests + result.Outstanding, result.Latency.Count);
        Assert.InRange(result.Seconds, 1.45, 1.7);
        Assert.Equal(result.Requests / result.Seconds, result.RequestsPerSecond, 3);
        Assert.Equal(result.Bytes / result.Seconds / (1024 * 1024), result.MiBPerSecond, 3);
        Assert.True(result.Latency.Min <= result.Latency.P50 && result.Latency.P50 <= result.Latency.P99 && result.Latency.P99 <= result.Latency.Max);
        Assert.Equal(result.Latency.StdDev / result.Latency.Mean, result.Latency.Cv, 6);
        Assert.InRange(result.Latency.Spectrum.Count, 10, 60);
        Assert.Equal(100, result.Latency.Spectrum[^1].Percentile);
        Assert.Null(result.CorrectedLatency);
        Assert.Null(result.IntendedRate);
        Assert.Equal(0, result.Errors);
        Assert.InRange(result.Timeline.Count, 1, 3);
        Assert.All(result.Timeline, s => Assert.True(s.RequestsPerSecond > 0 && s.P99Ms > 0));
        Assert.NotNull(result.Client);
        Assert.True(result.Client!.CpuSeconds > 0);
        Assert.True(result.Client.CpuMicrosPerRequest > 0);
        Assert.NotNull(result.HistogramLog);
    }

    [Fact]
    public async Task MessagesPerRequestAreSentBackToBackAndCounted()
    {
        using var server = new TestServer(new EchoBehaviour());
        var spec = Specs.Echo(server.Address, size: 100, concurrency: 2) with { MessagesPerRequest = 3 };
        var result = await _load.RunAsync(spec, null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(result.Requests * 3, result.Messages);
        Assert.Equal(result.Requests * 300, result.Bytes);
    }

    [Fact]
    public async Task LargeMessagesAreEchoedWhileStillBeingSent()
    {
        using var server = new TestServer(new EchoBehaviour());
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 1024 * 1024, concurrency: 2), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.Requests > 10, $"only {result.Requests} requests");
    }

    [Fact]
    public async Task UnixSocketsAreLoaded()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vmbench-load-test-{Environment.ProcessId}-{Guid.NewGuid():N}.sock");
        try
        {
            using var server = new TestServer(new EchoBehaviour(), path);
            var result = await _load.RunAsync(Specs.Echo(server.Address, size: 64), null, CancellationToken.None);

            Assert.True(result.Succeeded, result.Failure);
            Assert.True(result.Requests > 100);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task LatencyOfADelayingServerIsItsDelay()
    {
        using var server = new TestServer(new EchoBehaviour { Delay = TimeSpan.FromMilliseconds(2) });
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 64, concurrency: 4, seconds: 1.5), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.InRange(result.Latency.P50, 2.0, 3.0);
        Assert.True(result.Latency.Min >= 2.0, $"min {result.Latency.Min} ms is below the server's 2 ms delay");
        Assert.InRange(result.RequestsPerSecond, 500, 4 / 0.002);
    }

    [Fact]
    public async Task ACorruptedByteFailsTheJobWithWhereAndWhat()
    {
        using var server = new TestServer(new EchoBehaviour { CorruptEvery = 200 });
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 512, seconds: 2), null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.NotNull(result.Failure);
        Assert.Matches(@"^payload mismatch on connection \d+ at byte \d+ of request \d+: expected 0x[0-9A-F]{2}, got 0x[0-9A-F]{2}$", result.Failure);
        Assert.True(result.Seconds < 1.5, "a mismatch stops the job");
    }

    [Fact]
    public async Task AServerThatClosesConnectionsFailsTheJob()
    {
        using var server = new TestServer(new EchoBehaviour { CloseAfterReads = 50 });
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 64, seconds: 2), null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("lost", result.Failure, StringComparison.Ordinal);
        Assert.Contains("closed", result.Failure, StringComparison.Ordinal);
        Assert.True(result.Errors >= 1);
    }

    [Fact]
    public async Task AHungServerEndsOnTimeAsAFailure()
    {
        using var server = new TestServer(new SilentBehaviour());
        var started = DateTime.UtcNow;
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 64, seconds: 1), null, CancellationToken.None);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3));
        Assert.False(result.Succeeded);
        // Set-up ends with a verified request on every connection: a server that never answers fails there.
        Assert.Matches(@"^connection 0 of \d+ opened, but its first request failed: no answer within 2 s", result.Failure);
    }

    [Fact]
    public async Task NoServerIsAFailureNotAnException()
    {
        int port;
        using (var probe = new TestServer(new EchoBehaviour()))
        {
            port = probe.Port;
        }

        var result = await _load.RunAsync(Specs.Echo(Address.Parse($"127.0.0.1:{port}")), null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("connection refused", result.Failure, StringComparison.Ordinal);
        Assert.Equal(0, result.Requests);
    }

    [Fact]
    public async Task WarmUpIsNotMeasuredAndProgressIsReported()
    {
        using var server = new TestServer(new EchoBehaviour());
        var reports = new List<LoadProgress>();
        var progress = new SynchronousProgress(reports);
        var spec = Specs.Echo(server.Address, size: 64, seconds: 1.2) with { Warmup = TimeSpan.FromSeconds(1.5) };
        var result = await _load.RunAsync(spec, progress, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.InRange(result.Seconds, 1.15, 1.4);
        Assert.Contains(reports, r => r.WarmingUp);
        Assert.Contains(reports, r => !r.WarmingUp && r.Requests > 0);
        Assert.All(reports, r => Assert.True(r.RecentRequestsPerSecond >= 0));
    }

    [Fact]
    public async Task LocalhostIsLoopback()
    {
        using var server = new TestServer(new EchoBehaviour());
        var result = await _load.RunAsync(Specs.Echo(Address.Parse($"localhost:{server.Port}"), size: 64, concurrency: 1, seconds: 0.5), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task CancellationStopsPromptlyAndClosesTheSockets()
    {
        using var server = new TestServer(new EchoBehaviour());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        var started = DateTime.UtcNow;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _load.RunAsync(Specs.Echo(server.Address, size: 64, seconds: 30), null, cancel.Token));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(1.5), $"took {(DateTime.UtcNow - started).TotalSeconds:0.00} s");
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (server.Open > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(4, server.Accepted);
        Assert.Equal(0, server.Open);
    }

    [Fact]
    public async Task ReadlineSendsPrintableLinesAndVerifiesThem()
    {
        var lines = new LineBehaviour { LineLength = 100 };
        using var server = new TestServer(lines);
        var spec = new LoadSpec(server.Address, Mode.Readline, 100, 3, 5, TimeSpan.FromSeconds(1), TimeSpan.Zero);
        var result = await _load.RunAsync(spec, null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.Requests > 50);
        Assert.Equal(result.Requests * 5, result.Messages);
        Assert.Equal(result.Requests * 500, result.Bytes);
        Assert.True(lines.Lines >= result.Messages);
    }
}
