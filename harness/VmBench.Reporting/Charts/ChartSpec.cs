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

    /// <summary>The scale of the y axis.</summary>
    public AxisScale YScale { get; init; } = AxisScale.Linear;

    /// <summary>The id of the chart this one redraws on another y scale (the report offers the two as one figure); null for a chart of its own.</summary>
    public string? AlternativeOf { get; init; }

    /// <summary>The protocol the chart is about (the report's filter by protocol); null for charts of no protocol (micro-benchmarks).</summary>
    public string? Protocol { get; init; }
}
