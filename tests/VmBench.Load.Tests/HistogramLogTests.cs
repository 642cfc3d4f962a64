using System.Text;
using HdrHistogram;
using VmBench.Core.Load;
using VmBench.Load.Internal;
using VmBench.Load.Tests.Internal;
using VmBench.Load.Tests.TestServers;
using Xunit.Abstractions;

namespace VmBench.Load.Tests;

/// <summary>A measurement's log: one interval per second, starting at the header's StartTime, adding up to the measurement's latencies, read alike by HdrHistogram.NET and hdr-histogram-js.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class HistogramLogTests
{
    private const double Seconds = 2.5;

    private readonly LoadGenerator _load = new();
    private readonly ITestOutputHelper _output;

    public HistogramLogTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task TheClosedLoopLogHasOneIntervalPerSecondAddingUpToTheMeasurement()
    {
        using var server = new TestServer(new EchoBehaviour());
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 64, seconds: Seconds), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        var intervals = Read(result.HistogramLog!);
        AssertOnePerSecond(result, intervals);
        Assert.All(intervals, h => Assert.Null(h.Tag));
        var all = Sum(intervals);
        Assert.Equal(result.Latency.Count, all.TotalCount);
        Assert.Equal(result.Latency.P99, all.GetValueAtPercentile(99) / 1e6, 9);
        Assert.Equal(result.Latency.Max, all.GetMaxValue() / 1e6, 9);
        await AssertJsReadsTheSame(result.HistogramLog!, intervals, null);
    }

    [Fact]
    public async Task TheConstantRateLogHasTaggedUncorrectedAndCorrectedIntervalsEverySecond()
    {
        using var server = new TestServer(new EchoBehaviour());
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 64, seconds: Seconds, rate: 500), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        var intervals = Read(result.HistogramLog!);
        var uncorrected = intervals.Where(h => h.Tag == SecondIntervals.UncorrectedTag).ToList();
        var corrected = intervals.Where(h => h.Tag == SecondIntervals.CorrectedTag).ToList();
        Assert.Equal(intervals.Count, uncorrected.Count + corrected.Count);
        AssertOnePerSecond(result, uncorrected);
        AssertOnePerSecond(result, corrected);
        Assert.Equal(result.Latency.Count, Sum(uncorrected).TotalCount);
        Assert.Equal(result.CorrectedLatency!.Count, Sum(corrected).TotalCount);
        Assert.Equal(result.Latency.P99, Sum(uncorrected).GetValueAtPercentile(99) / 1e6, 9);
        Assert.Equal(result.CorrectedLatency.P99, Sum(corrected).GetValueAtPercentile(99) / 1e6, 9);
        await AssertJsReadsTheSame(result.HistogramLog!, corrected, SecondIntervals.CorrectedTag);
    }

    /// <summary>Interval i starts i seconds after the header's StartTime; all but the last last one second.</summary>
    private static void AssertOnePerSecond(LoadResult result, List<HistogramBase> intervals)
    {
        Assert.Equal((int)Math.Ceiling(result.Seconds - 0.001), intervals.Count);
        var start = intervals[0].StartTimeStamp;
        for (var i = 0; i < intervals.Count; i++)
        {
            Assert.Equal(start + (i * 1000), intervals[i].StartTimeStamp, 1.0);
            var length = intervals[i].EndTimeStamp - intervals[i].StartTimeStamp;
            Assert.Equal(i < intervals.Count - 1 ? 1000 : (result.Seconds - i) * 1000, length, 2.0);
        }
    }

    private async Task AssertJsReadsTheSame(string log, List<HistogramBase> intervals, string? tag)
    {
        if (HlogJsReaderTests.Unavailable(_output))
        {
            return;
        }

        var read = await HlogJsReaderTests.ReadAsync(log);

        Assert.NotNull(read.StartTimeSec);
        Assert.All(read.Intervals, i => Assert.True(i.StartMs >= (read.StartTimeSec!.Value * 1000) - 0.5, $"an interval starts at {i.StartMs} ms, before the StartTime {read.StartTimeSec} s"));
        var mine = read.Intervals.Where(i => i.Tag == (tag ?? "NO TAG")).ToList();
        Assert.Equal(intervals.Select(h => h.TotalCount), mine.Select(i => i.TotalCount));
        // HdrHistogram.NET truncates seconds x 1000 to whole milliseconds, which can lose one.
        Assert.All(intervals.Zip(mine), p => Assert.Equal(p.First.StartTimeStamp, p.Second.StartMs, 1.0));
        var all = Sum(intervals);
        var total = read.Totals[tag ?? "NO TAG"];
        Assert.Equal(all.TotalCount, total.TotalCount);
        Assert.Equal(all.HighestEquivalentValue(all.GetMaxValue()), total.MaxValue);
        Assert.Equal(HlogJsReaderTests.Percentiles.Select(p => JsPercentile.ValueAt(all, p)), total.Percentiles);
    }

    private static HistogramBase Sum(IEnumerable<HistogramBase> intervals)
    {
        var sum = Histograms.Create();
        foreach (var interval in intervals)
        {
            sum.Add(interval);
        }

        return sum;
    }

    private static List<HistogramBase> Read(string log)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(log));
        using var reader = new HistogramLogReader(stream);
        return reader.ReadHistograms().ToList();
    }
}
