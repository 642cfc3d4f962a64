using System.Text;
using HdrHistogram;
using VmBench.Load.Tests.TestServers;

namespace VmBench.Load.Tests;

public sealed class HistogramLogTests
{
    private readonly LoadGenerator _load = new();

    [Fact]
    public async Task TheClosedLoopLogRoundTripsWithTheSameCountAndP99()
    {
        using var server = new TestServer(new EchoBehaviour());
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 64), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        var histograms = Read(result.HistogramLog!);
        var histogram = Assert.Single(histograms);
        Assert.Equal(result.Latency.Count, histogram.TotalCount);
        Assert.Equal(result.Latency.P99, histogram.GetValueAtPercentile(99) / 1e6, 9);
    }

    [Fact]
    public async Task TheConstantRateLogHoldsTaggedUncorrectedAndCorrectedHistograms()
    {
        using var server = new TestServer(new EchoBehaviour());
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 64, rate: 500), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        var histograms = Read(result.HistogramLog!);
        Assert.Equal(2, histograms.Count);
        var uncorrected = Assert.Single(histograms, h => h.Tag == "uncorrected");
        var corrected = Assert.Single(histograms, h => h.Tag == "corrected");
        Assert.Equal(result.Latency.Count, uncorrected.TotalCount);
        Assert.Equal(result.CorrectedLatency!.Count, corrected.TotalCount);
        Assert.Equal(result.Latency.P99, uncorrected.GetValueAtPercentile(99) / 1e6, 9);
        Assert.Equal(result.CorrectedLatency.P99, corrected.GetValueAtPercentile(99) / 1e6, 9);
    }

    private static List<HistogramBase> Read(string log)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(log));
        using var reader = new HistogramLogReader(stream);
        return reader.ReadHistograms().ToList();
    }
}
