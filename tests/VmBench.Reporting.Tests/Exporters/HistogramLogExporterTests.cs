using HdrHistogram;
using VmBench.Core.Results;
using VmBench.Reporting.Exporters;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Exporters;

public sealed class HistogramLogExporterTests
{
    [Fact]
    public async Task Writes_one_log_per_measurement_that_HdrHistograms_reader_reads_back()
    {
        var histogram = new LongHistogram(3_600_000_000_000, 3);
        for (var i = 1; i <= 1000; i++)
        {
            histogram.RecordValue(i * 1000L);
        }

        var log = LogText(histogram);
        var run = SampleRuns.Typical();
        var first = run.Benchmarks.First(b => b.Variations.Count > 0);
        var variation = first.Variations[0];
        var withLog = variation with { Trials = [variation.Trials[0] with { Result = variation.Trials[0].Result with { HistogramLog = log } }] };
        run = run with { Benchmarks = [first with { Variations = [withLog] }] };
        using var directory = new TempDirectory();

        var files = await new HistogramLogExporter().ExportAsync(run, directory.Path, CancellationToken.None);

        var file = Assert.Single(files);
        Assert.Equal($"{first.Name}-{variation.MessageSize}b-c{variation.Concurrency}-t1.hlog", Path.GetFileName(file));
        await using var stream = File.OpenRead(file);
        var read = new HistogramLogReader(stream).ReadHistograms().ToArray();
        var back = Assert.Single(read);
        Assert.Equal(1000, back.TotalCount);
        Assert.Equal(histogram.GetValueAtPercentile(99), back.GetValueAtPercentile(99));
    }

    [Fact]
    public void Measurements_without_a_log_write_nothing()
    {
        Assert.Empty(HistogramLogExporter.Logs(SampleRuns.Typical() with { Benchmarks = [] }));
    }

    private static string LogText(HistogramBase histogram)
    {
        using var stream = new MemoryStream();
        HistogramLogWriter.Write(stream, DateTime.UtcNow, histogram);
        stream.Position = 0;
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
