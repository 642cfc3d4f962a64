using System.Text.RegularExpressions;
using VmBench.Reporting.Charts;
using VmBench.Reporting.Compare;
using VmBench.Reporting.Exporters;
using VmBench.Reporting.Tests.Support;
using Xunit.Abstractions;

namespace VmBench.Reporting.Tests.Html;

/// <summary>
/// report.html and compare.html laid out by headless Chromium at a phone's, a laptop's and a desktop's width: the
/// geometry measured in the browser (nothing outside the viewport but inside a scroll container, no overlapping
/// tables, no squeezed cells, no text cut off in a chart), sorting and the protocol filter, the page with
/// scripts off, and the browser's own network log empty of anything but the page's files. With
/// VMBENCH_SCREENSHOTS=folder the screenshots are kept there (screenshots-390.png ...).
/// </summary>
[Trait(Tier.Key, Tier.Process)]
public sealed class ReportLayoutTests
{
    /// <summary>Headless Chromium's narrowest window; narrower widths are laid out in a frame.</summary>
    private const int WindowMinimum = 600;

    private readonly ITestOutputHelper _output;

    public ReportLayoutTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1400)]
    [InlineData(1920)]
    public async Task The_report_holds_its_layout_offline(int width)
    {
        await WithChromiumAsync(async (chromium, folder) =>
        {
            var run = SampleRuns.TwoProtocols();
            await Reports.GenerateAsync(run, folder);
            var report = Path.Combine(folder, HtmlExporter.FileName);

            var layout = await MeasureAsync(chromium, folder, report, width);

            Assert.Equal(width, layout.Viewport);
            Assert.True(layout.ScriptRan, "the page's own script did not run (blocked by its Content-Security-Policy?)");
            Assert.Equal(ReportCharts.Build(run, []).Count, layout.Charts);
            Assert.True(layout.Tables >= 8, $"only {layout.Tables} tables laid out");
            Assert.Empty(layout.Problems);
            Assert.Equal(layout.SortedRequestsPerSecond.Order(), layout.SortedRequestsPerSecond);
            Assert.Equal(run.Benchmarks.SelectMany(b => b.Variations).Count(), layout.SortedRequestsPerSecond.Count);
            Assert.Equal(4, layout.ReadlineRows);
            Assert.True(layout.LogSwitch, "a click on \"log latency axis\" did not swap the linear view for the log one");
            await ScreenshotAsync(chromium, folder, report, width, $"screenshots-{width}.png");
        });
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1400)]
    public async Task The_comparison_keeps_its_verdicts_in_view(int width)
    {
        await WithChromiumAsync(async (chromium, folder) =>
        {
            var before = new RunBuilder().Repeat(5).Benchmark("sockets", b => b.Variation(64, 10, 50_000, repeats: 5).Variation(1024, 100, 40_000, repeats: 5)).Build();
            var after = new RunBuilder().Repeat(5).Benchmark("sockets", b => b.Variation(64, 10, 60_000, repeats: 5).Variation(1024, 100, 40_100, repeats: 5)).Build();
            var page = Path.Combine(folder, CompareHtmlBuilder.FileName);
            await File.WriteAllTextAsync(page, CompareHtmlBuilder.Build(RunComparer.Compare(before, after), "base/run.json with a long path to it", "new/run.json"));

            var layout = await MeasureAsync(chromium, folder, page, width);

            Assert.True(layout.ScriptRan, "the page's own script did not run");
            Assert.Empty(layout.Problems);
            Assert.Equal(4, layout.Verdicts);
            Assert.Equal(0, layout.VerdictsOutOfView);
            await ScreenshotAsync(chromium, folder, page, width, $"compare-{width}.png");
        });
    }

    [Fact]
    public async Task With_scripts_off_every_table_row_and_chart_is_still_there()
    {
        await WithChromiumAsync(async (chromium, folder) =>
        {
            var run = SampleRuns.TwoProtocols();
            await Reports.GenerateAsync(run, folder);
            var html = await File.ReadAllTextAsync(Path.Combine(folder, HtmlExporter.FileName));
            var page = Path.Combine(folder, "no-script.html");
            await File.WriteAllTextAsync(page, Regex.Replace(html, "script-src [^\"]*", "script-src 'none'"));
            await using var proxy = new RecordingProxy();

            // The browser itself refuses the page's script (its policy now allows none), as it would with scripts off.
            var dom = await Chromium.RunAsync(chromium, Path.Combine(folder, "profile"), proxy.Port, ["--dump-dom", new Uri(page).AbsoluteUri], TimeSpan.FromSeconds(90));

            Assert.Equal(ReportCharts.Build(run, []).Count, Regex.Matches(dom.StdOut, "<svg[ >]").Count);
            Assert.Equal(run.Benchmarks.Sum(b => Math.Max(1, b.Variations.Count)), Regex.Matches(dom.StdOut, "<tr class=\"result ").Count);
            Assert.DoesNotContain("class=\"sort\"", dom.StdOut, StringComparison.Ordinal);
            Assert.Contains("<title>libuv, 64 B c=10: 65,", dom.StdOut, StringComparison.Ordinal);
        });
    }

    /// <summary>Runs <paramref name="test"/> with Chromium's path and a fresh folder; without Chromium the test is skipped, or fails when it is required.</summary>
    private async Task WithChromiumAsync(Func<string, string, Task> test)
    {
        var chromium = Chromium.FindOrSkip(_output);
        if (chromium is null)
        {
            return;
        }

        using var temp = new TempDirectory();
        await test(chromium, temp.Path);
    }

    /// <summary>Lays out a probed copy of the page in a frame <paramref name="width"/> px wide and returns what the probe measured; asserts the browser asked the network for nothing.</summary>
    private async Task<LayoutReport> MeasureAsync(string chromium, string folder, string page, int width)
    {
        var probed = Path.Combine(folder, "probed-" + Path.GetFileName(page));
        await File.WriteAllTextAsync(probed, LayoutProbe.AddTo(await File.ReadAllTextAsync(page)));
        var host = Path.Combine(folder, $"host-{width}.html");
        await File.WriteAllTextAsync(host, LayoutProbe.Host(Path.GetFileName(probed), width, 2400));
        var netLog = Path.Combine(folder, $"net-{width}.json");
        await using var proxy = new RecordingProxy();

        var dom = await Chromium.RunAsync(
            chromium,
            Path.Combine(folder, $"profile-{width}"),
            proxy.Port,
            [$"--window-size={Math.Max(width, WindowMinimum)},2400", "--hide-scrollbars", "--allow-file-access-from-files", $"--log-net-log={netLog}", "--dump-dom", new Uri(host).AbsoluteUri],
            TimeSpan.FromSeconds(120));

        var layout = LayoutProbe.Read(dom.StdOut);
        foreach (var problem in layout.Problems)
        {
            _output.WriteLine($"{width} px: {problem}");
        }

        Assert.True(File.Exists(netLog), "chromium wrote no net log");
        Assert.Empty(NetLog.NetworkUrls(netLog));
        Assert.DoesNotContain(proxy.Requests, r => !NetLog.BrowserHosts.Any(h => r.Contains(h, StringComparison.OrdinalIgnoreCase)));
        return layout;
    }

    /// <summary>With VMBENCH_SCREENSHOTS set: the page in a frame <paramref name="width"/> px wide, cut to that width.</summary>
    private static async Task ScreenshotAsync(string chromium, string folder, string page, int width, string name)
    {
        var keep = Environment.GetEnvironmentVariable("VMBENCH_SCREENSHOTS");
        if (string.IsNullOrEmpty(keep))
        {
            return;
        }

        var height = width < 800 ? 9000 : 5000;
        var host = Path.Combine(folder, $"shot-{width}.html");
        await File.WriteAllTextAsync(host, LayoutProbe.Host(Path.GetFileName(page), width, height));
        await using var proxy = new RecordingProxy();
        Directory.CreateDirectory(keep);
        var shot = Path.Combine(Path.GetFullPath(keep), name);
        await Chromium.RunAsync(chromium, Path.Combine(folder, $"profile-shot-{width}"), proxy.Port, [$"--screenshot={shot}", $"--window-size={Math.Max(width, WindowMinimum)},{height}", "--hide-scrollbars", new Uri(host).AbsoluteUri], TimeSpan.FromSeconds(120));
        Assert.True(File.Exists(shot), "no screenshot written");
        using var full = SkiaSharp.SKBitmap.Decode(shot);
        if (full.Width > width)
        {
            using var cut = new SkiaSharp.SKBitmap();
            Assert.True(full.ExtractSubset(cut, new SkiaSharp.SKRectI(0, 0, width, full.Height)));
            using var data = SkiaSharp.SKImage.FromBitmap(cut).Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
            await File.WriteAllBytesAsync(shot, data.ToArray());
        }
    }
}
