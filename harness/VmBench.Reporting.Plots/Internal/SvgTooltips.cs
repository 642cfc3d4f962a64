using System.Globalization;
using System.Net;
using System.Text;
using ScottPlot;

namespace VmBench.Reporting.Plots.Internal;

/// <summary>
/// Lays invisible shapes with a &lt;title&gt; over a drawn chart's bars and points: the browser shows the exact
/// value and interval on hover, with no script. Must run after the plot was rendered at its final size, since
/// it maps plot coordinates to the pixels of that render.
/// </summary>
internal static class SvgTooltips
{
    private const double PointRadius = 7;

    public static string AddTo(string svg, Plot plot, IReadOnlyList<ChartTip> tips)
    {
        var end = svg.LastIndexOf("</svg>", StringComparison.Ordinal);
        if (tips.Count == 0 || end < 0)
        {
            return svg;
        }

        var layer = new StringBuilder("<g class=\"tips\" fill=\"#000\" fill-opacity=\"0\" stroke=\"none\">");
        foreach (var tip in tips)
        {
            var a = plot.GetPixel(new Coordinates(tip.Left, tip.Bottom));
            var b = plot.GetPixel(new Coordinates(tip.Right, tip.Top));
            var title = "<title>" + WebUtility.HtmlEncode(tip.Text) + "</title>";
            if (tip.Left == tip.Right && tip.Bottom == tip.Top)
            {
                layer.Append(Invariant($"<circle cx=\"{a.X:0.#}\" cy=\"{a.Y:0.#}\" r=\"{PointRadius}\">")).Append(title).Append("</circle>");
            }
            else
            {
                layer.Append(Invariant($"<rect x=\"{Math.Min(a.X, b.X):0.#}\" y=\"{Math.Min(a.Y, b.Y):0.#}\" width=\"{Math.Abs(b.X - a.X):0.#}\" height=\"{Math.Abs(b.Y - a.Y):0.#}\">"))
                    .Append(title).Append("</rect>");
            }
        }

        layer.Append("</g>");
        return svg.Insert(end, layer.ToString());
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
