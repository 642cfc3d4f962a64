using ScottPlot;

namespace VmBench.Reporting.Plots.Internal;

internal static class Colors
{
    public static Color Of(string hex) => Color.FromHex(hex);

    public static MarkerShape Of(Charts.SeriesMarker marker) => marker switch
    {
        Charts.SeriesMarker.Triangle => MarkerShape.FilledTriangleUp,
        Charts.SeriesMarker.Square => MarkerShape.FilledSquare,
        _ => MarkerShape.FilledCircle,
    };
}
