using System.Globalization;
using HdrHistogram;
using VmBench.Core.Results;
using VmBench.Reporting.Exporters;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Exporters;

[Trait(Tier.Key, Tier.Fast)]
public sealed class HistogramLogExporterTests
{
    [Fact]
    public async Task Writes_one_log_and_its_hgrm_per_measurement()
    {
        var (first, second) = Seconds(1, 1000);
        var (run, name) = RunWith(LogText(first, second));
        using var directory = new TempDirectory();

        var files = await new HistogramLogExporter().ExportAsync(run, directory.Path, CancellationToken.None);

        Assert.Equal([name + ".hlog", name + ".hgrm"], files.Select(Path.GetFileName));
        await using var stream = File.OpenRead(files[0]);
        var back = new HistogramLogReader(stream).ReadHistograms().ToArray();
        Assert.Equal([first.TotalCount, second.TotalCount], back.Select(h => h.TotalCount));
    }

    [Fact]
    public async Task The_hgrm_is_the_percentile_distribution_of_the_intervals_added_up()
    {
        var (first, second) = Seconds(1, 1000);
        var all = first.Copy();
        all.Add(second);
        var (run, _) = RunWith(LogText(first, second));
        using var directory = new TempDirectory();

        var files = await new HistogramLogExporter().ExportAsync(run, directory.Path, CancellationToken.None);

        var lines = (await File.ReadAllTextAsync(files.Single(f => f.EndsWith(".hgrm", StringComparison.Ordinal)))).Split('\n');
        Assert.Equal("       Value     Percentile TotalCount 1/(1-Percentile)", lines[0]);
        Assert.Equal(string.Empty, lines[1]);
        var rows = lines.Skip(2).TakeWhile(l => !l.StartsWith('#') && l.Length > 0).Select(Row).ToList();
        Assert.True(rows.Count > 20, $"only {rows.Count} percentile rows");
        Assert.Equal(0, rows[0].Percentile);
        Assert.Equal(Ms(all.LowestEquivalentValue(1000)), rows[0].Value);
        Assert.Equal(1.0, rows[^1].Percentile);
        Assert.Equal(all.TotalCount, rows[^1].Count);
        Assert.Equal(Ms(all.GetMaxValue()), rows[^1].Value);
        Assert.Equal(Ms(all.GetValueAtPercentile(50)), rows.Single(r => r.Percentile == 0.5).Value);
        Assert.Equal(Ms(all.GetValueAtPercentile(90)), rows.Single(r => r.Percentile == 0.9).Value);
        Assert.All(rows.Zip(rows.Skip(1)), p => Assert.True(p.First.Value <= p.Second.Value && p.First.Percentile < p.Second.Percentile && p.First.Count <= p.Second.Count));
        Assert.All(rows.SkipLast(1), r => Assert.Equal(1 / (1 - r.Percentile), r.Inverse, 2));
        Assert.Equal(Invariant($"#[Mean    = {all.GetMean() / 1e6,12:F3}, StdDeviation   = {all.GetStdDeviation() / 1e6,12:F3}]"), lines[rows.Count + 2]);
        Assert.Equal(Invariant($"#[Max     = {all.GetMaxValue() / 1e6,12:F3}, Total count    = {all.TotalCount,12}]"), lines[rows.Count + 3]);
        Assert.Equal(Invariant($"#[Buckets = {all.BucketCount,12}, SubBuckets     = {all.SubBucketCount,12}]"), lines[rows.Count + 4]);
    }

    [Fact]
    public async Task A_constant_rate_log_gets_one_hgrm_per_tag()
    {
        var (corrected, uncorrected) = Seconds(500, 400);
        corrected.Tag = "corrected";
        uncorrected.Tag = "uncorrected";
        var (run, name) = RunWith(LogText(corrected, uncorrected));
        using var directory = new TempDirectory();

        var files = await new HistogramLogExporter().ExportAsync(run, directory.Path, CancellationToken.None);

        Assert.Equal([name + ".hlog", name + ".corrected.hgrm", name + ".uncorrected.hgrm"], files.Select(Path.GetFileName));
        Assert.Contains(Invariant($"Total count    = {corrected.TotalCount,12}]"), await File.ReadAllTextAsync(files[1]), StringComparison.Ordinal);
        Assert.Contains(Invariant($"Total count    = {uncorrected.TotalCount,12}]"), await File.ReadAllTextAsync(files[2]), StringComparison.Ordinal);
    }

    [Fact]
    public void An_http_cell_has_no_payload_in_its_file_name()
    {
        var (first, second) = Seconds(1, 1000);
        var (run, _) = RunWith(LogText(first, second));
        var benchmark = run.Benchmarks[0];
        var http = benchmark with { Name = "http-kestrel", Protocol = "http", Variations = [benchmark.Variations[0] with { MessageSize = VariationResult.NoPayload, Concurrency = 50 }] };

        var (name, _) = Assert.Single(HistogramLogExporter.Logs(run with { Benchmarks = [http] }));

        Assert.Equal("http-kestrel-c50-t1.hlog", name);
    }

    [Fact]
    public void Measurements_without_a_log_write_nothing()
    {
        Assert.Empty(HistogramLogExporter.Logs(SampleRuns.Typical() with { Benchmarks = [] }));
    }

    private static (HistogramBase First, HistogramBase Second) Seconds(int from, int to)
    {
        var first = new LongHistogram(3_600_000_000_000, 3);
        var second = new LongHistogram(3_600_000_000_000, 3);
        for (var i = from; i <= to; i++)
        {
            (i % 3 == 0 ? second : first).RecordValue(i * 1000L);
        }

        first.StartTimeStamp = 1_764_633_600_000;
        first.EndTimeStamp = 1_764_633_601_000;
        second.StartTimeStamp = 1_764_633_601_000;
        second.EndTimeStamp = 1_764_633_602_000;
        return (first, second);
    }

    private static (RunResult Run, string Name) RunWith(string log)
    {
        var run = SampleRuns.Typical();
        var first = run.Benchmarks.First(b => b.Variations.Count > 0);
        var variation = first.Variations[0];
        var withLog = variation with { Trials = [variation.Trials[0] with { Result = variation.Trials[0].Result with { HistogramLog = log } }] };
        return (run with { Benchmarks = [first with { Variations = [withLog], Sweep = [] }] }, $"{first.Name}-{variation.MessageSize}b-c{variation.Concurrency}-t1");
    }

    private static (double Value, double Percentile, long Count, double Inverse) Row(string line)
    {
        var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (Parse(cells[0]), Parse(cells[1]), long.Parse(cells[2], CultureInfo.InvariantCulture), cells.Length > 3 ? Parse(cells[3]) : double.PositiveInfinity);
    }

    private static double Parse(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);

    private static double Ms(long nanoseconds) => Math.Round(nanoseconds / 1e6, 3);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A log as HdrHistogram.NET's writer makes it (the reading side here does not depend on the load client's encoder).</summary>
    private static string LogText(params HistogramBase[] histograms)
    {
        using var stream = new MemoryStream();
        HistogramLogWriter.Write(stream, DateTime.UnixEpoch.AddMilliseconds(1_764_633_600_000), histograms);
        stream.Position = 0;
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
