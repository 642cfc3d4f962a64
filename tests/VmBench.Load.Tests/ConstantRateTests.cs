using VmBench.Core.Load;
using VmBench.Load.Tests.TestServers;

namespace VmBench.Load.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class ConstantRateTests
{
    private readonly LoadGenerator _load = new();

    [Fact]
    public async Task AWellUnderCapacityRateIsMetWithin2Percent()
    {
        using var server = new TestServer(new EchoBehaviour());
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 256, concurrency: 4, seconds: 2, rate: 1000), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(1000, result.IntendedRate);
        Assert.InRange(result.RequestsPerSecond, 980, 1020);
        Assert.NotNull(result.CorrectedLatency);
        Assert.Equal(result.Latency.Count, result.CorrectedLatency!.Count);
        Assert.False(result.Client!.ClientBound && result.Client.Reason!.Contains("achieved", StringComparison.Ordinal), result.Client.Reason);
    }

    [Fact]
    public async Task StallsShowInTheCorrectedLatencyNotInTheUncorrected()
    {
        // The server stalls 200 ms at the start of every second. Requests planned during a stall wait for it:
        // about a fifth of all requests have corrected latency up to 200 ms, while only the few requests in
        // flight when a stall begins (4 per second of 1000) see it from their actual send time.
        using var server = new TestServer(new EchoBehaviour { StallFor = TimeSpan.FromMilliseconds(200) });
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 64, concurrency: 4, seconds: 3, rate: 1000), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.CorrectedLatency!.P99 >= 100, $"corrected p99 {result.CorrectedLatency.P99} ms");
        Assert.True(result.Latency.P99 < 50, $"uncorrected p99 {result.Latency.P99} ms");
        Assert.True(result.Latency.Max >= 100, "the requests in flight during a stall are seen");
        Assert.True(result.CorrectedLatency.P90 > result.Latency.P90);
        Assert.InRange(result.RequestsPerSecond, 900, 1020);
        Assert.Contains(result.Timeline, s => s.P99Ms >= 100);
    }

    [Fact]
    public async Task FallingBehindThePlanIsReportedAndRequestsAreNotSkipped()
    {
        // One connection, 2 ms per request: at most ~500 requests/s of the 2,000 planned.
        using var server = new TestServer(new EchoBehaviour { Delay = TimeSpan.FromMilliseconds(2) });
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 64, concurrency: 1, seconds: 1.5, rate: 2000), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.InRange(result.RequestsPerSecond, 20, 520);
        Assert.True(result.Client!.ClientBound);
        Assert.Matches(@"achieved [\d,]+ of 2,000 requests/s planned", result.Client.Reason);
        Assert.True(result.CorrectedLatency!.Max > 500, $"corrected max {result.CorrectedLatency.Max} ms grows with the backlog");
        Assert.True(result.Latency.Min >= 2.0, $"uncorrected min {result.Latency.Min} ms");
        Assert.True(result.CorrectedLatency.P50 > 10 * result.Latency.P50, "the backlog shows in the corrected latency only");
    }
}
