using System.Text.RegularExpressions;

namespace VmBench.Reporting.Tests.Support;

/// <summary>Chromium's <c>--log-net-log</c> file: every URL the browser's network stack was asked for.</summary>
internal static partial class NetLog
{
    /// <summary>Chromium's own background traffic (update checks, clock, accounts), which flags cannot always silence; a page never needs these.</summary>
    public static IReadOnlyList<string> BrowserHosts { get; } =
    [
        "clients1.google.com", "clients2.google.com", "clients4.google.com", "update.googleapis.com", "accounts.google.com",
        "redirector.gvt1.com", "edgedl.me.gvt1.com", "dl.google.com", "safebrowsing.googleapis.com", "optimizationguide-pa.googleapis.com",
        "content-autofill.googleapis.com", "android.clients.google.com",
    ];

    /// <summary>The URLs in the log that are not the page's own files: anything but file: and data:, and not the browser's background hosts.</summary>
    public static IReadOnlyList<string> NetworkUrls(string path)
    {
        var text = File.ReadAllText(path);
        return Url().Matches(text)
            .Select(m => m.Groups[1].Value)
            .Where(u => !u.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && !u.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            .Where(u => !BrowserHosts.Any(h => u.Contains(h, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex("\"(?:url|original_url|new_url)\":\"([^\"]*)\"")]
    private static partial Regex Url();
}
