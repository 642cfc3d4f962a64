using System.Text;
using VmBench.Core.Results;
using VmBench.Reporting.Charts;
using VmBench.Reporting.Html;
using VmBench.Reporting.Micro;

namespace VmBench.Reporting.Exporters;

/// <summary>
/// report.html plus its charts: each chart drawn by the <see cref="IChartRenderer"/> into charts/ (SVG and PNG)
/// and inlined as SVG. A chart that cannot be drawn becomes a note in the report; the report is still written.
/// </summary>
public sealed class HtmlExporter : IResultExporter
{
    public const string FileName = "report.html";

    public const string ChartsFolder = "charts";

    private readonly IChartRenderer? _renderer;

    public HtmlExporter(IChartRenderer? renderer)
    {
        _renderer = renderer;
    }

    public string Name => "html";

    public async Task<IReadOnlyList<string>> ExportAsync(RunResult run, string runDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(runDirectory);
        Directory.CreateDirectory(runDirectory);
        var micro = MicroResults.Read(runDirectory);
        var files = new List<string>();
        var charts = new List<RenderedChart>();
        var notes = new List<string>();
        var specs = ReportCharts.Build(run, micro.Benchmarks);
        if (_renderer is null)
        {
            notes.Add("Charts were not drawn: this report was made without a chart renderer.");
        }
        else if (specs.Count > 0)
        {
            var chartsDirectory = Path.Combine(runDirectory, ChartsFolder);
            Directory.CreateDirectory(chartsDirectory);
            foreach (var spec in specs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var chart = _renderer.Render(spec, chartsDirectory);
                    charts.Add(chart);
                    files.AddRange(chart.Files.Select(Path.GetFullPath));
                }
#pragma warning disable CA1031 // One chart that cannot be drawn must not cost the whole report.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    notes.Add($"Chart \"{spec.Title}\" could not be drawn: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        var path = Path.GetFullPath(Path.Combine(runDirectory, FileName));
        var html = HtmlReportBuilder.Build(run, charts, notes, micro);
        await AtomicFile.WriteAllTextAsync(path, html, cancellationToken).ConfigureAwait(false);
        files.Add(path);
        return files;
    }
}
