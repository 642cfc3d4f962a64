using System.Globalization;
using VmBench.Reporting.Charts;

namespace VmBench.Reporting.Plots.Internal;

/// <summary>The exact figures behind a bar or a point, as its tooltip reads: series, where, value with unit, 95 % CI and each trial.</summary>
internal static class TipText
{
    public static string Of(ChartSpec chart, ChartSeries series, ChartPoint point)
    {
        var text = $"{series.Label}, {Where(chart, point.X)}: {Number(point.Y)} {chart.YLabel}";
        if (point.Low is { } low && point.High is { } high)
        {
            text += $" (95 % CI {Number(low)} – {Number(high)})";
        }

        if (point.Samples.Count > 0)
        {
            text += "; trials: " + string.Join(", ", point.Samples.Select(Number));
        }

        return text;
    }

    /// <summary>Four significant figures at most, thousands separated: 65,000, 3.691, 0.398.</summary>
    public static string Number(double value) => !double.IsFinite(value) ? "-" : Math.Abs(value) switch
    {
        >= 1000 => value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("0.0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    private static string Where(ChartSpec chart, double x) => chart.XAxis switch
    {
        XAxisKind.Categories when x >= 0 && x < chart.Categories.Count && x == Math.Floor(x) => chart.Categories[(int)x],
        XAxisKind.Nines => "p" + x.ToString("0.####", CultureInfo.InvariantCulture),
        _ => $"{chart.XLabel} {Number(x)}",
    };
}
