using ScottPlot;
using VmBench.Core.Results;
using VmBench.Reporting.Charts;
using VmBench.Reporting.Plots.Internal;

namespace VmBench.Reporting.Plots;

/// <summary>Draws VmBench's charts with ScottPlot 5: one SVG (with a tooltip on every bar and point) and one PNG per chart, the SVG also returned for inlining.</summary>
public sealed class ScottPlotChartRenderer : IChartRenderer
{
    public RenderedChart Render(ChartSpec chart, string directory)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(directory);
        ChartFonts.EnsureConfigured();
        Directory.CreateDirectory(directory);
        using var plot = new Plot();
        ChartStyle.Apply(plot, chart);
        var tips = chart.Kind == ChartKind.GroupedBars ? BarChartDrawer.Draw(plot, chart) : LineChartDrawer.Draw(plot, chart);

        var height = chart.Height + ChartStyle.ExtraHeightForLabels(plot, chart);
        ChartStyle.WrapTitle(plot, chart, height);
        var svgPath = Path.GetFullPath(Path.Combine(directory, chart.Id + ".svg"));
        var pngPath = Path.GetFullPath(Path.Combine(directory, chart.Id + ".png"));
        var svg = SvgTooltips.AddTo(plot.GetSvgXml(chart.Width, height), plot, tips);
        AtomicFile.WriteAllText(svgPath, svg);
        using (var png = plot.GetImage(chart.Width, height))
        {
            AtomicFile.WriteAllBytes(pngPath, png.GetImageBytes(ImageFormat.Png));
        }

        return new RenderedChart(chart, svg, [svgPath, pngPath]);
    }
}
