using System.Text.RegularExpressions;

namespace VmBench.Reporting.Tests.Support;

/// <summary>
/// The static check that a page can make no network request: no external src/href/url(), no script but inline
/// ones, no link, no @import, and a Content-Security-Policy that allows no source (the browser test checks the
/// network itself).
/// </summary>
internal static partial class OfflineAssertions
{
    public static void AssertSelfContained(string html)
    {
        Assert.All(ScriptTag().Matches(html), m => Assert.Equal("<script>", m.Value));
        Assert.Contains("content=\"default-src 'none';", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(ExternalReference().Matches(html));
        Assert.Empty(ExternalUrl().Matches(html));
        Assert.Empty(SrcAttribute().Matches(html));
    }

    /// <summary>href/src/xlink:href/action pointing at a scheme other than data: or a fragment/relative path.</summary>
    [GeneratedRegex(@"(?:href|src|action|srcset|poster)\s*=\s*[""']?\s*(?:https?:|//|ftp:|file:|ws:|wss:)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex(@"<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"url\(\s*[""']?\s*(?:https?:|//|file:)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();

    [GeneratedRegex(@"\ssrc\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SrcAttribute();
}
