using ScottPlot;
using ScottPlot.TickGenerators;
using VmBench.Reporting.Charts;

namespace VmBench.Reporting.Plots.Internal;

/// <summary>Lines with markers; on a "nines" x axis percentiles are drawn at -log10(1 - p/100) and labelled 0 %, 90 %, 99 % ...</summary>
internal static class LineChartDrawer
{
    private static readonly string[] s_ninesLabels = ["0%", "90%", "99%", "99.9%", "99.99%", "99.999%", "99.9999%"];

    public static void Draw(Plot plot, ChartSpec chart)
    {
        var maxY = 0.0;
        var maxX = 0.0;
        var flagged = new List<(double X, double Y)>();
        foreach (var series in chart.Series.Where(s => s.Points.Count > 0))
        {
            var xs = series.Points.Select(p => chart.XAxis == XAxisKind.Nines ? Nines(p.X) : p.X).ToArray();
            var ys = series.Points.Select(p => p.Y).ToArray();
            var scatter = plot.Add.Scatter(xs, ys, Colors.Of(series.Color));
            scatter.LegendText = series.Label;
            scatter.LineWidth = series.Marker == SeriesMarker.Circle ? 2 : 1.5f;
            scatter.MarkerShape = Colors.Of(series.Marker);
            scatter.MarkerSize = xs.Length > 40 ? 0 : series.Marker == SeriesMarker.Circle ? 6 : 8;
            flagged.AddRange(series.Points.Select((p, i) => (p, i)).Where(q => q.p.Flag is not null).Select(q => (xs[q.i], ys[q.i])));
            maxY = Math.Max(maxY, ys.Where(double.IsFinite).DefaultIfEmpty(0).Max());
            maxX = Math.Max(maxX, xs.Where(double.IsFinite).DefaultIfEmpty(0).Max());
        }

        FlagMarks.Draw(plot, flagged);
        if (chart.XAxis == XAxisKind.Nines)
        {
            var top = Math.Clamp((int)Math.Ceiling(maxX), 2, s_ninesLabels.Length - 1);
            plot.Axes.Bottom.TickGenerator = new NumericManual(Enumerable.Range(0, top + 1).Select(i => new Tick(i, s_ninesLabels[i])).ToArray());
            plot.Axes.SetLimitsX(0, top);
        }
        else if (chart.XAxis == XAxisKind.Categories && chart.Categories.Count > 0)
        {
            plot.Axes.SetLimitsX(-0.3, chart.Categories.Count - 1 + 0.3);
        }

        plot.Axes.SetLimitsY(0, maxY > 0 ? maxY * 1.08 : 1);
        ChartStyle.Legend(plot);
    }

    /// <summary>Percentile (0..100) to HdrHistogram's "nines" scale: 90 -> 1, 99 -> 2, 99.9 -> 3.</summary>
    public static double Nines(double percentile) => -Math.Log10(1 - (Math.Clamp(percentile, 0, 99.9999) / 100));
}
