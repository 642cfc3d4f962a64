using System.Text;
using VmBench.Reporting.Charts;

namespace VmBench.Reporting.Html;

/// <summary>
/// A chart as a figure: its sanitized SVG and links to its files. A chart drawn again on a log scale becomes one
/// figure with two views and a switch between them made of radio buttons and CSS, which works offline and
/// without script (the linear view is the one shown first).
/// </summary>
internal static class ChartFigure
{
    public static void Append(StringBuilder html, RenderedChart chart, RenderedChart? onLogScale)
    {
        var id = HtmlText.Id(chart.Spec.Id);
        html.Append("<figure class=\"chart").Append(onLogScale is null ? string.Empty : " scales").Append("\" id=\"chart-").Append(id).Append('"');
        if (chart.Spec.Protocol is { } protocol)
        {
            html.Append(" data-protocol=\"").Append(HtmlText.E(protocol)).Append('"');
        }

        html.Append(">\n");
        if (onLogScale is null)
        {
            Svg(html, chart);
        }
        else
        {
            var group = "scale-" + id;
            html.Append("<input type=\"radio\" class=\"linear\" name=\"").Append(group).Append("\" id=\"").Append(group).Append("-linear\" checked>")
                .Append("<label for=\"").Append(group).Append("-linear\">linear latency axis</label>")
                .Append("<input type=\"radio\" class=\"log\" name=\"").Append(group).Append("\" id=\"").Append(group).Append("-log\">")
                .Append("<label for=\"").Append(group).Append("-log\">log latency axis</label>\n");
            html.Append("<div class=\"view linear\">");
            Svg(html, chart);
            html.Append("</div>\n<div class=\"view log\">");
            Svg(html, onLogScale);
            html.Append("</div>\n");
        }

        html.Append("<figcaption>").Append(HtmlText.E(chart.Spec.Title)).Append(" &middot; ");
        Files(html, chart, onLogScale is null ? string.Empty : "linear ");
        if (onLogScale is not null)
        {
            Files(html, onLogScale, "log ");
        }

        html.Append("</figcaption>\n</figure>\n");
    }

    private static void Svg(StringBuilder html, RenderedChart chart)
    {
        var svg = SvgSanitizer.Sanitize(chart.Svg, HtmlText.Id(chart.Spec.Id) + "-");
        html.Append(svg ?? "<p class=\"note\">(this chart's SVG could not be read)</p>").Append('\n');
    }

    private static void Files(StringBuilder html, RenderedChart chart, string prefix)
    {
        foreach (var file in chart.Files)
        {
            var name = Path.GetFileName(file);
            html.Append("<a href=\"charts/").Append(HtmlText.E(Uri.EscapeDataString(name))).Append("\">").Append(HtmlText.E(prefix + Path.GetExtension(name).TrimStart('.').ToUpperInvariant())).Append("</a> ");
        }
    }
}
