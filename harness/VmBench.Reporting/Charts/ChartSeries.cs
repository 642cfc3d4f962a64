namespace VmBench.Reporting.Charts;

/// <summary>One series: a label for the legend, a colour (#rrggbb) and its points.</summary>
public sealed record ChartSeries(string Label, string Color, IReadOnlyList<ChartPoint> Points)
{
    public SeriesMarker Marker { get; init; } = SeriesMarker.Circle;
}
