using VmBench.Core.Results;
using VmBench.Reporting.Exporters;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Exporters;

[Trait(Tier.Key, Tier.Fast)]
public sealed class CompositeExporterTests
{
    [Fact]
    public async Task A_failing_exporter_is_reported_and_the_others_still_run()
    {
        using var temp = new TempDirectory();
        var composite = new CompositeExporter([new ThrowingExporter(), new CsvExporter(), new MarkdownExporter()]);

        var outcome = await composite.RunAsync(SampleRuns.Typical(), temp.Path, CancellationToken.None);

        var failure = Assert.Single(outcome.Failures);
        Assert.Equal("broken", failure.Exporter);
        Assert.Contains("disk on fire", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, outcome.Files.Count);
        Assert.True(File.Exists(Path.Combine(temp.Path, CsvExporter.FileName)));
        Assert.True(File.Exists(Path.Combine(temp.Path, MarkdownExporter.FileName)));
    }

    [Fact]
    public async Task Cancellation_stops_the_exporters()
    {
        using var temp = new TempDirectory();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var composite = new CompositeExporter(DefaultExporters.Create(null));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => composite.RunAsync(SampleRuns.Typical(), temp.Path, cts.Token));
    }

    [Fact]
    public void Default_exporters_are_csv_markdown_and_html()
    {
        Assert.Equal(["csv", "markdown", "html", "histogram logs"], DefaultExporters.Create(null).Select(e => e.Name));
    }

    private sealed class ThrowingExporter : IResultExporter
    {
        public string Name => "broken";

        public Task<IReadOnlyList<string>> ExportAsync(RunResult run, string runDirectory, CancellationToken cancellationToken) =>
            throw new IOException("disk on fire");
    }
}
