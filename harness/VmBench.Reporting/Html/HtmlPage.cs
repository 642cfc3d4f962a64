using System.Globalization;
using System.Text;

namespace VmBench.Reporting.Html;

/// <summary>The shell of a self-contained vmbench page (report.html, compare.html) and the pieces both pages are made of.</summary>
internal static class HtmlPage
{
    /// <summary>Everything up to <c>&lt;body&gt;</c>: the content policy, the generator (when given), the title, the report's CSS and the page's own.</summary>
    public static void Open(StringBuilder html, string title, string? generator = null, string? css = null)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append(ReportScript.PolicyMeta);
        if (generator is not null)
        {
            html.Append("<meta name=\"generator\" content=\"").Append(HtmlText.E(generator)).Append("\">\n");
        }

        html.Append("<title>").Append(HtmlText.E(title)).Append("</title>\n<style>\n").Append(ReportCss.Text).Append('\n');
        if (css is not null)
        {
            html.Append(css).Append('\n');
        }

        html.Append("</style>\n</head>\n<body>\n");
    }

    /// <summary>The footer, the page's script and the end of the page.</summary>
    public static void Close(StringBuilder html, string footer) =>
        html.Append("<footer>").Append(HtmlText.E(footer)).Append("</footer>\n").Append(ReportScript.Element).Append("</body>\n</html>\n");

    /// <summary>A row of a key-value table (<c>table.kv</c>).</summary>
    public static void Kv(StringBuilder html, string key, string value) =>
        html.Append("<tr><th>").Append(HtmlText.E(key)).Append("</th><td>").Append(HtmlText.E(value)).Append("</td></tr>\n");

    /// <summary>A warning the reader must not miss (an interrupted run, runs that do not compare).</summary>
    public static void Alert(StringBuilder html, string text) =>
        html.Append("<p class=\"interrupted\" role=\"alert\">").Append(HtmlText.E(text)).Append("</p>\n");

    /// <summary>A <c>data-sort</c> value the page's script sorts by: round-trip invariant, empty when not finite.</summary>
    public static string SortKey(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
}
