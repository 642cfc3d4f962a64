using ScottPlot;

namespace VmBench.Reporting.Plots.Internal;

/// <summary>Marks the flagged points of a chart (ChartPoint.Flag: client-bound, unsteady, server saturated ...) with a dark "x", one legend entry for all.</summary>
internal static class FlagMarks
{
    public static void Draw(Plot plot, IReadOnlyList<(double X, double Y)> flagged)
    {
        if (flagged.Count == 0)
        {
            return;
        }

        var marks = plot.Add.ScatterPoints(flagged.Select(p => p.X).ToArray(), flagged.Select(p => p.Y).ToArray());
        marks.Color = ScottPlot.Colors.Black;
        marks.MarkerShape = MarkerShape.Eks;
        marks.MarkerSize = 11;
        marks.MarkerLineWidth = 2;
        marks.LegendText = "flagged (see the tables)";
    }
}
