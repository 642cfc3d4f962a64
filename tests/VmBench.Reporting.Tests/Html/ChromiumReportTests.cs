using System.Text.RegularExpressions;
using VmBench.Reporting.Charts;
using VmBench.Reporting.Exporters;
using VmBench.Reporting.Tests.Support;
using Xunit.Abstractions;

namespace VmBench.Reporting.Tests.Html;

/// <summary>Opens report.html in headless Chromium: it renders, shows every chart and row, and asks the network for nothing.</summary>
[Trait(Tier.Key, Tier.Process)]
public sealed class ChromiumReportTests
{
    private readonly ITestOutputHelper _output;

    public ChromiumReportTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Report_renders_offline_with_every_chart_and_row()
    {
        var chromium = Chromium.FindOrSkip(_output);
        if (chromium is null)
        {
            return;
        }

        using var temp = new TempDirectory();
        var run = SampleRuns.Typical();
        await Reports.GenerateAsync(run, temp.Path);
        var report = Path.Combine(temp.Path, HtmlExporter.FileName);
        var url = new Uri(report).AbsoluteUri;
        var screenshot = Path.Combine(temp.Path, "screenshot.png");
        await using var proxy = new RecordingProxy();

        var shot = await Chromium.RunAsync(chromium, Path.Combine(temp.Path, "profile-shot"), proxy.Port, [$"--screenshot={screenshot}", "--window-size=1280,4000", "--hide-scrollbars", url], TimeSpan.FromSeconds(90));
        var dom = await Chromium.RunAsync(chromium, Path.Combine(temp.Path, "profile-dom"), proxy.Port, ["--dump-dom", url], TimeSpan.FromSeconds(90));

        Assert.True(File.Exists(screenshot), $"no screenshot; chromium exit {shot.ExitCode}: {Tail(shot.StdErr)}");
        Assert.True(new FileInfo(screenshot).Length > 50_000, $"screenshot is only {new FileInfo(screenshot).Length} bytes");
        Assert.Equal(ReportCharts.Build(run, []).Count, Regex.Matches(dom.StdOut, "<svg[ >]").Count);
        Assert.Equal(13, Regex.Matches(dom.StdOut, "<tr class=\"result ").Count);
        Assert.Contains("VmBench report", dom.StdOut, StringComparison.Ordinal);

        var pageRequests = proxy.Requests.Where(r => !NetLog.BrowserHosts.Any(h => r.Contains(h, StringComparison.OrdinalIgnoreCase))).ToList();
        foreach (var request in proxy.Requests)
        {
            _output.WriteLine("proxy saw: " + request);
        }

        Assert.Empty(pageRequests);
        OfflineAssertions.AssertSelfContained(dom.StdOut);
        if (Environment.GetEnvironmentVariable("VMBENCH_KEEP_TEST_OUTPUT") == "1")
        {
            _output.WriteLine("report kept in " + temp.Path);
        }
    }

    [Fact]
    public async Task The_network_check_catches_a_page_that_loads_from_the_network()
    {
        var chromium = Chromium.FindOrSkip(_output);
        if (chromium is null)
        {
            return;
        }

        using var temp = new TempDirectory();
        var page = Path.Combine(temp.Path, "online.html");
        await File.WriteAllTextAsync(page, "<!DOCTYPE html><html><body><p>online</p><img src=\"http://cdn.vmbench.invalid/d3.png\"></body></html>");
        await using var proxy = new RecordingProxy();

        var netLog = Path.Combine(temp.Path, "net.json");

        await Chromium.RunAsync(chromium, Path.Combine(temp.Path, "profile"), proxy.Port, [$"--log-net-log={netLog}", "--dump-dom", new Uri(page).AbsoluteUri], TimeSpan.FromSeconds(90));

        Assert.Contains(proxy.Requests, r => r.Contains("cdn.vmbench.invalid", StringComparison.Ordinal));
        Assert.Contains("http://cdn.vmbench.invalid/d3.png", NetLog.NetworkUrls(netLog));
    }

    private static string Tail(string text) => text.Length > 2000 ? text[^2000..] : text;
}
