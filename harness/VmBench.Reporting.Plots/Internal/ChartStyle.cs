using ScottPlot;
using ScottPlot.TickGenerators;
using VmBench.Reporting.Charts;

namespace VmBench.Reporting.Plots.Internal;

/// <summary>What every chart shares: title, axis labels, fonts, categorical ticks (rotated when long), legend at the right.</summary>
internal static class ChartStyle
{
    public const float TitleSize = 17;
    public const float LabelSize = 14;
    public const float TickSize = 12;

    private const int RotateAbove = 7;

    public static void Apply(Plot plot, ChartSpec chart)
    {
        plot.Font.Set(ChartFonts.Family);
        plot.Title(chart.Title, TitleSize);
        plot.XLabel(chart.XLabel, LabelSize);
        plot.YLabel(chart.YLabel, LabelSize);
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        if (chart.XAxis == XAxisKind.Categories && chart.Categories.Count > 0)
        {
            var ticks = chart.Categories.Select((label, i) => new Tick(i, label)).ToArray();
            plot.Axes.Bottom.TickGenerator = new NumericManual(ticks);
            plot.Axes.Bottom.MajorTickStyle.Length = 0;
            if (Rotate(chart))
            {
                plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
                plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
                using var paint = Paint.NewDisposablePaint();
                var widest = ticks.Max(t => plot.Axes.Bottom.TickLabelStyle.Measure(t.Label, paint).Width);
                plot.Axes.Bottom.MinimumSize = (widest * 0.75f) + 30;
            }
        }
    }

    /// <summary>
    /// A title wider than the data area it is centred over goes on several lines, broken between words, rather
    /// than cut off at both ends: lays the plot out once at its final size to learn that width.
    /// </summary>
    public static void WrapTitle(Plot plot, ChartSpec chart, int height)
    {
        plot.RenderInMemory(chart.Width, height);
        var width = plot.RenderManager.LastRender.DataRect.Width;
        plot.Title(Wrap(chart.Title, (int)(width / (TitleSize * 0.6))), TitleSize);
    }

    public static string Wrap(string title, int maxChars)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in title.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > maxChars)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        lines.Add(line);
        return string.Join('\n', lines);
    }

    /// <summary>Rotated tick labels take room: the image grows by it rather than the data area shrinking.</summary>
    public static int ExtraHeightForLabels(Plot plot, ChartSpec chart) =>
        chart.XAxis == XAxisKind.Categories && chart.Categories.Count > 0 && Rotate(chart) ? (int)plot.Axes.Bottom.MinimumSize : 0;

    private static bool Rotate(ChartSpec chart) => chart.Categories.Any(c => c.Length > RotateAbove) && chart.Categories.Count > 3;

    public static void Legend(Plot plot, IEnumerable<LegendItem>? manualItems = null)
    {
        if (manualItems is not null)
        {
            plot.Legend.ManualItems.AddRange(manualItems);
        }

        plot.Legend.FontSize = TickSize;
        plot.Legend.FontName = ChartFonts.Family;
        plot.ShowLegend(Edge.Right);
    }
}
