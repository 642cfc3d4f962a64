namespace VmBench.Reporting.Plots;

/// <summary>The report generator with ScottPlot charts: what <c>vmbench report</c> and <c>vmbench run</c> use.</summary>
public static class ScottPlotReports
{
    /// <summary>A <see cref="ReportGenerator"/> with every default exporter and the ScottPlot chart renderer.</summary>
    public static ReportGenerator CreateGenerator() => ReportGenerator.Create(new ScottPlotChartRenderer());
}
