namespace VmBench.Reporting.Charts;

/// <summary>Draws a <see cref="ChartSpec"/>: the seam between the reports and a plotting library (VmBench.Reporting.Plots implements it with ScottPlot).</summary>
public interface IChartRenderer
{
    /// <summary>Writes <c>{chart.Id}.svg</c> and <c>{chart.Id}.png</c> into <paramref name="directory"/> and returns the SVG markup to inline.</summary>
    RenderedChart Render(ChartSpec chart, string directory);
}
