using HdrHistogram;
using VmBench.Load.Internal;
using VmBench.Testing;
using Xunit.Abstractions;

namespace VmBench.Load.Tests.Internal;

/// <summary>Our logs read back by hdr-histogram-js, a reader written independently of HdrHistogram.NET.</summary>
[Trait(Tier.Key, Tier.Process)]
public sealed class HlogJsReaderTests
{
    internal static readonly double[] Percentiles = [50, 90, 99, 99.9, 100];

    private readonly ITestOutputHelper _output;

    public HlogJsReaderTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Every_interval_decodes_to_the_histogram_that_was_written()
    {
        if (Unavailable())
        {
            return;
        }

        const long start = 1_764_633_600_123;
        var random = new Random(3);
        var intervals = new List<HistogramBase>();
        for (var i = 0; i < 3; i++)
        {
            var interval = Histograms.Create();
            var count = 1000 + random.Next(5000);
            for (var j = 0; j < count; j++)
            {
                Histograms.Record(interval, (long)(30_000 * Math.Exp(random.NextDouble() * (4 + i))));
            }

            interval.StartTimeStamp = start + (i * 1000);
            interval.EndTimeStamp = start + Math.Min((i + 1) * 1000, 2400);
            intervals.Add(interval);
        }

        var log = await ReadAsync(HistogramLogText.Write(start, intervals));

        Assert.Equal(start / 1000.0, log.StartTimeSec!.Value, 3);
        Assert.Equal(start / 1000.0, log.BaseTimeSec!.Value, 3);
        Assert.Equal(intervals.Count, log.Intervals.Count);
        for (var i = 0; i < intervals.Count; i++)
        {
            var written = intervals[i];
            var read = log.Intervals[i];
            Assert.Equal(written.StartTimeStamp, read.StartMs, 0);
            Assert.Equal(written.EndTimeStamp, read.EndMs, 0);
            Assert.Equal(written.TotalCount, read.TotalCount);
            Assert.Equal(written.HighestEquivalentValue(written.GetMaxValue()), read.MaxValue);
            Assert.Equal(Percentiles.Select(p => JsPercentile.ValueAt(written, p)), read.Percentiles);
        }

        var all = Histograms.Create();
        intervals.ForEach(h => all.Add(h));
        var total = Assert.Single(log.Totals).Value;
        Assert.Equal(all.TotalCount, total.TotalCount);
        Assert.Equal(Percentiles.Select(p => JsPercentile.ValueAt(all, p)), total.Percentiles);
    }

    [Fact]
    public async Task Tagged_intervals_keep_their_tags()
    {
        if (Unavailable())
        {
            return;
        }

        var corrected = Histograms.Create();
        var uncorrected = Histograms.Create();
        Histograms.Record(corrected, 9_000_000);
        Histograms.Record(uncorrected, 1_000_000);
        corrected.Tag = SecondIntervals.CorrectedTag;
        uncorrected.Tag = SecondIntervals.UncorrectedTag;
        foreach (var h in new[] { corrected, uncorrected })
        {
            h.StartTimeStamp = 5000;
            h.EndTimeStamp = 6000;
        }

        var log = await ReadAsync(HistogramLogText.Write(5000, [corrected, uncorrected]));

        Assert.Equal([SecondIntervals.CorrectedTag, SecondIntervals.UncorrectedTag], log.Intervals.Select(i => i.Tag));
        Assert.Equal(corrected.HighestEquivalentValue(9_000_000), log.Totals[SecondIntervals.CorrectedTag].MaxValue);
        Assert.Equal(uncorrected.HighestEquivalentValue(1_000_000), log.Totals[SecondIntervals.UncorrectedTag].MaxValue);
    }

    /// <summary>True (and the test returns) when the reader is missing and not required; a failure when it is required.</summary>
    internal static bool Unavailable(ITestOutputHelper output)
    {
        if (HdrHistogramJs.Missing() is not { } missing)
        {
            return false;
        }

        Assert.False(HdrHistogramJs.Required, $"{missing} and {HdrHistogramJs.RequireVariable}=1");
        output.WriteLine($"{missing}: skipped (set {HdrHistogramJs.RequireVariable}=1 to make this a failure)");
        return true;
    }

    internal static async Task<JsHistogramLog> ReadAsync(string logText)
    {
        var file = Path.Combine(Path.GetTempPath(), $"vmbench-{Guid.NewGuid():N}.hlog");
        await File.WriteAllTextAsync(file, logText);
        try
        {
            return await HdrHistogramJs.ReadAsync(file, Percentiles);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private bool Unavailable() => Unavailable(_output);
}
