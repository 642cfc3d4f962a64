namespace VmBench.Reporting.Charts;

/// <summary>What a chart shows, free of any plotting library: one unit on the y axis, one series per server (or per metric).</summary>
/// <param name="Id">File stem under charts/ (letters, digits and dashes).</param>
/// <param name="Section">The report section the chart belongs to.</param>
/// <param name="Categories">Bar charts and categorical x axes: the label of each x position 0, 1, 2 ...</param>
public sealed record ChartSpec(
    string Id,
    string Section,
    string Title,
    string XLabel,
    string YLabel,
    ChartKind Kind,
    XAxisKind XAxis,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Pixel size of the PNG and SVG.</summary>
    public int Width { get; init; } = 960;

    public int Height { get; init; } = 540;
}
