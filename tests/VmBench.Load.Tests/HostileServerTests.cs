using System.Diagnostics;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Load.Tests.TestServers;

namespace VmBench.Load.Tests;

/// <summary>
/// Servers that break one connection among good ones, where a figure could hide it: an echo or a response cut
/// short with the FIN in the same segment, a connection that stops answering for good or late in the
/// measurement. Each job is bounded by its duration plus a hard timeout.
/// </summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class HostileServerTests
{
    private readonly LoadGenerator _load = new();

    [Fact]
    public async Task AnEchoCutShortAndClosedFailsTheJob()
    {
        using var server = new TestServer(new FirstConnection(new TruncatingBehaviour { AfterReads = 20, Missing = 24 }, new EchoBehaviour()));
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 1024, seconds: 1.5), null, CancellationToken.None);

        Assert.False(result.Succeeded, "a connection that echoed 1,000 of 1,024 bytes and closed went unseen");
        Assert.Matches(@"^connection \d+ lost: the server closed the connection after echoing \d+ of 1024 bytes of request \d+ ", result.Failure);
        Assert.Equal(1, result.Errors);
    }

    [Fact]
    public async Task AnHttpResponseCutShortAndClosedFailsTheJob()
    {
        using var server = new TestServer(new FirstConnection(new HttpBehaviour { TruncateAfter = 20 }, new HttpBehaviour()));
        var spec = new LoadSpec(server.Address, Mode.Http, 0, 4, 1, TimeSpan.FromSeconds(1.5), TimeSpan.Zero, HardTimeout: TimeSpan.FromSeconds(12));
        var result = await _load.RunAsync(spec, null, CancellationToken.None);

        Assert.False(result.Succeeded, "a connection that sent part of a response and closed went unseen");
        Assert.Matches(@"^connection \d+ lost: the server closed the connection during response \d+ ", result.Failure);
        Assert.Equal(1, result.Errors);
    }

    [Fact]
    public async Task AConnectionThatStopsAnsweringFailsTheJobAndShowsInTheLatency()
    {
        // It answers its set-up request (a connection that never answers fails the set-up, EchoLoadTests), then stops.
        using var server = new TestServer(new FirstConnection(new HangingBehaviour { After = TimeSpan.FromSeconds(0.3) }, new EchoBehaviour()));
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 64, seconds: 1.5), null, CancellationToken.None);

        Assert.False(result.Succeeded, "a connection that never answered went unseen");
        // It stopped 0.3 s after the server started: a few tenths of a second into the measurement on a busy machine.
        Assert.Matches(@"^connection \d+ made no progress for the last [01]\.\d\d s of the 1\.5 s measurement \(request \d+ unanswered for [01]\.\d\d s\): the server stalled on it$", result.Failure);
        Assert.True(result.Latency.Max >= 1000, $"max latency {result.Latency.Max} ms: the unanswered request (over 1 s old at the end) is missing");
        Assert.Equal(1, result.Stalled);
        Assert.InRange(result.Outstanding, 1, 4);
        Assert.Equal(1, result.Errors);
        Assert.Equal(result.Requests + result.Outstanding, result.Latency.Count);
    }

    [Fact]
    public async Task AConnectionThatStallsLateIsCountedAsATimeoutAndInTheLatency()
    {
        // It answers for 2.5 s of a 4 s measurement: its last request is 1.5 s old at the end, above the 1 s stall
        // limit and below half the measurement, so it is counted, not fatal.
        using var server = new TestServer(new FirstConnection(new HangingBehaviour { After = TimeSpan.FromSeconds(2.5) }, new EchoBehaviour()));
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 64, seconds: 4), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.InRange(result.Latency.Max, 1200, 1900);
        Assert.Equal(1, result.Stalled);
        Assert.Equal(1, result.Errors);
    }

    [Fact]
    public async Task AServerFrozenForMostOfTheMeasurementShowsTheFreezeAndFails()
    {
        using var server = new EchoProcess();
        var clock = Stopwatch.StartNew();
        var load = _load.RunAsync(Specs.Echo(server.Address, size: 64, seconds: 4), null, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        server.Freeze();
        var frozenAt = clock.Elapsed.TotalSeconds; // late on a busy machine: the freeze lasts from here to the end
        var result = await load;

        Assert.False(result.Succeeded, $"a server frozen for the last {4 - frozenAt:0.0} s of 4 went unseen (max latency {result.Latency.Max} ms)");
        Assert.Contains("made no progress", result.Failure, StringComparison.Ordinal);
        Assert.True(result.Latency.Max >= (4 - frozenAt - 0.3) * 1000, $"max latency {result.Latency.Max} ms across a freeze of {4 - frozenAt:0.0} s");
        Assert.Equal(4, result.Stalled);
        Assert.Equal(4, result.Outstanding);
        Assert.Equal(4, result.Errors);
        Assert.Equal(result.Requests + result.Outstanding, result.Latency.Count);
    }
}
