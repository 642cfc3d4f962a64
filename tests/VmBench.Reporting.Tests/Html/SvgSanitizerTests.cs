using VmBench.Reporting.Html;

namespace VmBench.Reporting.Tests.Html;

[Trait(Tier.Key, Tier.Fast)]
public sealed class SvgSanitizerTests
{
    [Fact]
    public void Removes_scripts_handlers_and_external_references_and_prefixes_ids()
    {
        const string svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="50">
              <script>alert(1)</script>
              <clipPath id="c1"><rect width="1" height="1"/></clipPath>
              <g clip-path="url(#c1)" onclick="alert(2)"><rect fill="url(https://evil.example/x)" width="1" height="1"/></g>
              <image xlink:href="https://evil.example/x.png"/>
              <use href="#c1"/>
              <foreignObject><div>html</div></foreignObject>
            </svg>
            """;

        var clean = SvgSanitizer.Sanitize(svg, "chart-");

        Assert.NotNull(clean);
        Assert.DoesNotContain("script", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("foreignObject", clean, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-c1\"", clean, StringComparison.Ordinal);
        Assert.Contains("url(#chart-c1)", clean, StringComparison.Ordinal);
        Assert.Contains("href=\"#chart-c1\"", clean, StringComparison.Ordinal);
        Assert.Contains("viewBox=\"0 0 100 50\"", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("width=\"100\"", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", clean, StringComparison.Ordinal);
        Assert.StartsWith("<svg viewBox=", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_svg_is_refused()
    {
        Assert.Null(SvgSanitizer.Sanitize("<svg><unclosed></svg>", "x"));
        Assert.Null(SvgSanitizer.Sanitize("<html/>", "x"));
    }
}
