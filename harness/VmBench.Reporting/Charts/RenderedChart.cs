namespace VmBench.Reporting.Charts;

/// <summary>A drawn chart: its SVG markup (to inline in HTML) and the files written for it.</summary>
public sealed record RenderedChart(ChartSpec Spec, string Svg, IReadOnlyList<string> Files);
