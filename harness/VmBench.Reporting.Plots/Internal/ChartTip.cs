namespace VmBench.Reporting.Plots.Internal;

/// <summary>A tooltip over a chart: the area it covers in plot coordinates (a bar, or a point when both corners are equal) and its text.</summary>
internal sealed record ChartTip(double Left, double Bottom, double Right, double Top, string Text);
