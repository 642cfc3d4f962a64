using ScottPlot;
using VmBench.Reporting.Charts;

namespace VmBench.Reporting.Plots.Internal;

/// <summary>Grouped bars: one group per category, one bar per series; asymmetric error bars from each point's Low/High, and each trial as a dot.</summary>
internal static class BarChartDrawer
{
    private const double GroupWidth = 0.8;

    /// <returns>A tooltip per bar: the bar's value, interval and trials.</returns>
    public static IReadOnlyList<ChartTip> Draw(Plot plot, ChartSpec chart)
    {
        var series = chart.Series.Where(s => s.Points.Count > 0).ToList();
        var width = GroupWidth / Math.Max(1, series.Count);
        var bars = new List<Bar>();
        var tips = new List<ChartTip>();
        var errorXs = new List<double>();
        var errorYs = new List<double>();
        var errorLow = new List<double>();
        var errorHigh = new List<double>();
        var dotXs = new List<double>();
        var dotYs = new List<double>();
        var flagged = new List<(double X, double Y)>();
        for (var j = 0; j < series.Count; j++)
        {
            var offset = (j - ((series.Count - 1) / 2.0)) * width;
            foreach (var point in series[j].Points)
            {
                var position = point.X + offset;
                bars.Add(new Bar
                {
                    Position = position,
                    Value = point.Y,
                    Size = width * 0.92,
                    FillColor = Colors.Of(series[j].Color),
                    LineWidth = 0,
                });
                if (point.Flag is not null)
                {
                    flagged.Add((position, point.Y));
                }

                tips.Add(new ChartTip(position - (width * 0.46), 0, position + (width * 0.46), Math.Max(point.Y, point.High ?? point.Y), TipText.Of(chart, series[j], point)));
                for (var k = 0; k < point.Samples.Count; k++)
                {
                    // Each trial's value as a dot over its bar, spread a little sideways so equal values stay visible.
                    dotXs.Add(position + ((k - ((point.Samples.Count - 1) / 2.0)) * width * 0.5 / Math.Max(1, point.Samples.Count)));
                    dotYs.Add(point.Samples[k]);
                }

                if (point.Low is { } low && point.High is { } high)
                {
                    errorXs.Add(position);
                    errorYs.Add(point.Y);
                    errorLow.Add(Math.Max(0, point.Y - low));
                    errorHigh.Add(Math.Max(0, high - point.Y));
                }
            }
        }

        if (bars.Count > 0)
        {
            plot.Add.Bars(bars);
        }

        if (errorXs.Count > 0)
        {
            var errors = plot.Add.ErrorBar(errorXs, errorYs, errorHigh);
            errors.YErrorNegative = errorLow;
            errors.YErrorPositive = errorHigh;
            errors.Color = ScottPlot.Colors.Black.WithAlpha(0.75);
            errors.LineWidth = 1.2f;
            errors.CapSize = 4;
        }

        if (dotXs.Count > 0)
        {
            var dots = plot.Add.ScatterPoints(dotXs.ToArray(), dotYs.ToArray());
            dots.Color = ScottPlot.Colors.Black.WithAlpha(0.6);
            dots.MarkerSize = 4;
            dots.MarkerShape = MarkerShape.OpenCircle;
        }

        FlagMarks.Draw(plot, flagged);
        ChartStyle.Legend(plot, series.Select(s => new LegendItem { LabelText = s.Label, FillColor = Colors.Of(s.Color) })
            .Concat(flagged.Count > 0 ? [new LegendItem { LabelText = "flagged (see the tables)", MarkerShape = MarkerShape.Eks, MarkerColor = ScottPlot.Colors.Black, MarkerSize = 10 }] : []));
        // Bars start at zero, so the eye reads their heights as ratios.
        var top = bars.Select(b => b.Value).Concat(dotYs).Concat(errorYs.Select((y, i) => y + errorHigh[i])).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, top > 0 ? top * 1.08 : 1);
        if (chart.Categories.Count > 0)
        {
            plot.Axes.SetLimitsX(-0.6, chart.Categories.Count - 0.4);
        }

        return tips;
    }
}
