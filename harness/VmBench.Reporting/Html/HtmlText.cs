using System.Net;

namespace VmBench.Reporting.Html;

/// <summary>HTML escaping: every text from a manifest or a result goes through <see cref="E"/>.</summary>
internal static class HtmlText
{
    /// <summary>Escapes &lt; &gt; &amp; " and ' for text and attribute values.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>An element id or fragment: letters, digits and dashes only.</summary>
    public static string Id(string text) => Charts.ReportCharts.Slug(text);
}
