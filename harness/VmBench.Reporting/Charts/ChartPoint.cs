namespace VmBench.Reporting.Charts;

/// <summary>A point (or a bar at position <see cref="X"/>), with an optional error range drawn as an error bar.</summary>
public sealed record ChartPoint(double X, double Y, double? Low = null, double? High = null);
