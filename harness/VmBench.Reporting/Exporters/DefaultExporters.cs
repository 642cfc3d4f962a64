using VmBench.Reporting.Charts;

namespace VmBench.Reporting.Exporters;

/// <summary>The exporters every run gets, registered explicitly (no scanning).</summary>
public static class DefaultExporters
{
    /// <param name="charts">Draws the charts of report.html (VmBench.Reporting.Plots' ScottPlot renderer); null for a report without charts.</param>
    public static IReadOnlyList<IResultExporter> Create(IChartRenderer? charts) =>
    [
        new CsvExporter(),
        new MarkdownExporter(),
        new HtmlExporter(charts),
        new HistogramLogExporter(),
    ];
}
