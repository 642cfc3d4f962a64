namespace VmBench.Reporting.Charts;

/// <summary>A point (or a bar at position <see cref="X"/>), with an optional error range drawn as an error bar.</summary>
/// <param name="Flag">Why the point is not to be trusted as is ("client-bound", "unsteady", "server saturated" ...), drawn as a mark on it; null for none.</param>
/// <param name="Samples">The independent samples (one per trial) the point summarizes, drawn as dots beside it; empty for none.</param>
public sealed record ChartPoint(double X, double Y, double? Low = null, double? High = null)
{
    public IReadOnlyList<double> Samples { get; init; } = [];

    public string? Flag { get; init; }
}
