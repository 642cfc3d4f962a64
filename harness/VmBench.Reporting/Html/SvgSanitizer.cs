using System.Xml;
using System.Xml.Linq;

namespace VmBench.Reporting.Html;

/// <summary>
/// Makes a chart's SVG safe and self-contained to inline in a page: parses it as XML (text is re-escaped on
/// output), drops scripts, foreign objects, event handlers and any reference that is not an in-document
/// fragment or a data: URI, prefixes ids so several charts can share a page, and makes it scale to its box.
/// Returns null when the markup is not well-formed SVG.
/// </summary>
internal static class SvgSanitizer
{
    public static string? Sanitize(string svg, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(idPrefix);
        XDocument document;
        try
        {
            document = XDocument.Parse(svg, LoadOptions.None);
        }
        catch (XmlException)
        {
            return null;
        }

        var root = document.Root;
        if (root is null || root.Name.LocalName != "svg")
        {
            return null;
        }

        foreach (var element in root.DescendantsAndSelf().Where(e => e.Name.LocalName is "script" or "foreignObject" or "iframe" or "object" or "embed").ToList())
        {
            element.Remove();
        }

        foreach (var node in root.DescendantNodes().OfType<XProcessingInstruction>().ToList())
        {
            node.Remove();
        }

        foreach (var element in root.DescendantsAndSelf())
        {
            foreach (var attribute in element.Attributes().ToList())
            {
                var name = attribute.Name.LocalName;
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    attribute.Remove();
                }
                else if (name == "href")
                {
                    if (!(attribute.Value.StartsWith('#') || attribute.Value.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)))
                    {
                        attribute.Remove();
                    }
                    else if (attribute.Value.StartsWith('#'))
                    {
                        attribute.Value = "#" + idPrefix + attribute.Value[1..];
                    }
                }
                else if (name == "id")
                {
                    attribute.Value = idPrefix + attribute.Value;
                }
                else if (attribute.Value.Contains("url(", StringComparison.OrdinalIgnoreCase))
                {
                    attribute.Value = RewriteUrls(attribute.Value, idPrefix);
                }
            }

            if (element.Name.LocalName == "style")
            {
                element.Value = RewriteUrls(element.Value, idPrefix).Replace("@import", "/* import removed */", StringComparison.OrdinalIgnoreCase);
            }
        }

        if (root.Attribute("viewBox") is null
            && double.TryParse(root.Attribute("width")?.Value, System.Globalization.CultureInfo.InvariantCulture, out var width)
            && double.TryParse(root.Attribute("height")?.Value, System.Globalization.CultureInfo.InvariantCulture, out var height))
        {
            root.SetAttributeValue("viewBox", FormattableString.Invariant($"0 0 {width} {height}"));
        }

        StripNamespaces(root);
        root.SetAttributeValue("width", null);
        root.SetAttributeValue("height", null);
        root.SetAttributeValue("role", "img");
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// HTML parses inline &lt;svg&gt; into the SVG namespace by itself: the xmlns declarations (and the
    /// xlink prefix) are dropped, so the page holds no namespace URI that a naive check could take for a link.
    /// </summary>
    private static void StripNamespaces(XElement root)
    {
        foreach (var element in root.DescendantsAndSelf())
        {
            element.Name = element.Name.LocalName;
            foreach (var attribute in element.Attributes().ToList())
            {
                if (attribute.IsNamespaceDeclaration)
                {
                    attribute.Remove();
                }
                else if (attribute.Name.Namespace != XNamespace.None)
                {
                    attribute.Remove();
                    element.SetAttributeValue(attribute.Name.LocalName, attribute.Value);
                }
            }
        }
    }

    /// <summary>url(#x) -> url(#prefix-x); any other url(...) -> none.</summary>
    private static string RewriteUrls(string value, string idPrefix)
    {
        var result = new System.Text.StringBuilder();
        var index = 0;
        while (true)
        {
            var start = value.IndexOf("url(", index, StringComparison.OrdinalIgnoreCase);
            if (start < 0)
            {
                result.Append(value, index, value.Length - index);
                return result.ToString();
            }

            var end = value.IndexOf(')', start);
            if (end < 0)
            {
                result.Append(value, index, start - index).Append("none");
                return result.ToString();
            }

            result.Append(value, index, start - index);
            var target = value[(start + 4)..end].Trim().Trim('\'', '"');
            result.Append(target.StartsWith('#') ? $"url(#{idPrefix}{target[1..]})" : "none");
            index = end + 1;
        }
    }
}
