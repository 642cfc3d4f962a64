using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using VmBench.Reporting.Charts;

namespace VmBench.Reporting.Plots.Internal;

/// <summary>
/// Lines with markers, and error bars where a point has an interval; on a "nines" x axis percentiles are drawn at
/// -log10(1 - p/100) and labelled 0 %, 90 %, 99 % ...; on a log y axis values are drawn at log10(y).
/// </summary>
internal static class LineChartDrawer
{
    private static readonly string[] s_ninesLabels = ["0%", "90%", "99%", "99.9%", "99.99%", "99.999%", "99.9999%"];

    /// <returns>A tooltip per point: its value and interval.</returns>
    public static IReadOnlyList<ChartTip> Draw(Plot plot, ChartSpec chart)
    {
        var log = chart.YScale == AxisScale.Log;
        var tips = new List<ChartTip>();
        var ys = new List<double>();
        var maxX = 0.0;
        var flagged = new List<(double X, double Y)>();
        foreach (var series in chart.Series.Where(s => s.Points.Count > 0))
        {
            var points = series.Points.Where(p => !log || p.Y > 0).ToList();
            var xs = points.Select(p => X(chart, p.X)).ToArray();
            var values = points.Select(p => Y(chart, p.Y)).ToArray();
            var scatter = plot.Add.Scatter(xs, values, Colors.Of(series.Color));
            scatter.LegendText = series.Label;
            scatter.LineWidth = series.Marker == SeriesMarker.Circle ? 2 : 1.5f;
            scatter.MarkerShape = Colors.Of(series.Marker);
            scatter.MarkerSize = xs.Length > 40 ? 0 : series.Marker == SeriesMarker.Circle ? 6 : 8;
            ErrorBars(plot, chart, series, points);
            tips.AddRange(points.Select((p, i) => new ChartTip(xs[i], values[i], xs[i], values[i], TipText.Of(chart, series, p))));
            ys.AddRange(values.Where(double.IsFinite));
            ys.AddRange(points.Where(p => p.High is > 0).Select(p => Y(chart, p.High!.Value)));
            flagged.AddRange(points.Select((p, i) => (p, i)).Where(q => q.p.Flag is not null).Select(q => (xs[q.i], values[q.i])));
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

        if (log)
        {
            LogAxis(plot, ys);
        }
        else
        {
            var maxY = ys.DefaultIfEmpty(0).Max();
            plot.Axes.SetLimitsY(0, maxY > 0 ? maxY * 1.08 : 1);
        }

        ChartStyle.Legend(plot);
        return tips;
    }

    /// <summary>Percentile (0..100) to HdrHistogram's "nines" scale: 90 -> 1, 99 -> 2, 99.9 -> 3.</summary>
    public static double Nines(double percentile) => -Math.Log10(1 - (Math.Clamp(percentile, 0, 99.9999) / 100));

    private static double X(ChartSpec chart, double x) => chart.XAxis == XAxisKind.Nines ? Nines(x) : x;

    private static double Y(ChartSpec chart, double y) => chart.YScale == AxisScale.Log ? Math.Log10(y) : y;

    private static void ErrorBars(Plot plot, ChartSpec chart, ChartSeries series, IReadOnlyList<ChartPoint> points)
    {
        var withInterval = points.Where(p => p.Low is { } low && p.High is not null && (chart.YScale == AxisScale.Linear || low > 0)).ToList();
        if (withInterval.Count == 0)
        {
            return;
        }

        var ys = withInterval.Select(p => Y(chart, p.Y)).ToList();
        var below = withInterval.Select((p, i) => Math.Max(0, ys[i] - Y(chart, p.Low!.Value))).ToList();
        var above = withInterval.Select((p, i) => Math.Max(0, Y(chart, p.High!.Value) - ys[i])).ToList();
        var errors = plot.Add.ErrorBar(withInterval.Select(p => X(chart, p.X)).ToList(), ys, above);
        errors.YErrorNegative = below;
        errors.YErrorPositive = above;
        errors.Color = Colors.Of(series.Color);
        errors.LineWidth = 1.2f;
        errors.CapSize = 5;
    }

    /// <summary>A log10 y axis: ticks at the powers of ten labelled with the values (0.1, 1, 10 ms), minor ticks between.</summary>
    private static void LogAxis(Plot plot, IReadOnlyList<double> logValues)
    {
        var low = Math.Floor(logValues.DefaultIfEmpty(0).Min());
        var high = Math.Ceiling(logValues.DefaultIfEmpty(1).Max());
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            MinorTickGenerator = new LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => Math.Round(Math.Pow(10, y), 6).ToString("#,0.######", CultureInfo.InvariantCulture),
        };

        // A little room beyond the powers of ten, so the ticks at both ends are drawn and labelled.
        plot.Axes.SetLimitsY(low - 0.03, (high > low ? high : low + 1) + 0.03);
    }
}
