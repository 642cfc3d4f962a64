namespace VmBench.Reporting.Charts;

/// <summary>
/// Tells apart several metrics of the same server (colour) on one chart, e.g. p50 with circles and p99 with
/// triangles. Markers rather than dash patterns: dashes do not survive the SVG export.
/// </summary>
public enum SeriesMarker
{
    Circle,
    Triangle,
    Square,
}
