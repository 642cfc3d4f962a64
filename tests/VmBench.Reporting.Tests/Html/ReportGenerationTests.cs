using System.Text.RegularExpressions;
using VmBench.Reporting.Charts;
using VmBench.Reporting.Exporters;
using VmBench.Reporting.Tables;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Html;

[Trait(Tier.Key, Tier.Fast)]
public sealed partial class ReportGenerationTests
{
    [Fact]
    public async Task Writes_every_output_beside_run_json()
    {
        using var temp = new TempDirectory();
        var run = SampleRuns.Typical();

        var outcome = await Reports.GenerateAsync(run, temp.Path);

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Failures.Select(f => f.Message)));
        Assert.True(File.Exists(Path.Combine(temp.Path, CsvExporter.FileName)));
        Assert.True(File.Exists(Path.Combine(temp.Path, MarkdownExporter.FileName)));
        Assert.True(File.Exists(Path.Combine(temp.Path, HtmlExporter.FileName)));
        Assert.Equal(Path.Combine(temp.Path, HtmlExporter.FileName), outcome.ReportHtml);
    }

    [Fact]
    public async Task Report_has_every_section_chart_and_row()
    {
        var run = SampleRuns.Typical();
        var html = await HtmlOfAsync(run);

        foreach (var id in new[] { "run", "summary", "charts", "details" })
        {
            Assert.Contains($"<section id=\"{id}\">", html, StringComparison.Ordinal);
        }

        var specs = ReportCharts.Build(run, []);
        Assert.Equal(specs.Count(s => s.AlternativeOf is null), Count(html, "<figure class=\"chart"));
        Assert.Equal(specs.Count, Count(html, "<svg"));

        // 4 + 4 + 3 variations, plus one row each for the failed and the skipped benchmark.
        Assert.Equal(13, Count(html, "<tr class=\"result "));
        Assert.Contains("client-bound", html, StringComparison.Ordinal);
        Assert.Contains("build failed: dotnet publish exited with code 1", html, StringComparison.Ordinal);
        Assert.Contains("python3 not found (install python3)", html, StringComparison.Ordinal);
        Assert.Contains("payload mismatch at byte 17", html, StringComparison.Ordinal);
        Assert.Contains("Native library: libuv", html, StringComparison.Ordinal);
        Assert.Contains("vmbench run --benchmarks tcpecho-.* --trials 3", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_is_self_contained()
    {
        var html = await HtmlOfAsync(SampleRuns.Typical());

        OfflineAssertions.AssertSelfContained(html);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Hostile_manifest_text_is_escaped()
    {
        using var temp = new TempDirectory();
        var run = new RunBuilder()
            .Benchmark("libuv", b => b.Variation(64, 10, 1000).Environment("TUNING", "<img src=y onerror=alert(3)>"), title: SampleRuns.HostileTitle)
            .Failed("<img src=x onerror=alert(2)>", "<b>bold</b> reason")
            .Build();
        await Reports.GenerateAsync(run, temp.Path);
        var html = await File.ReadAllTextAsync(Path.Combine(temp.Path, HtmlExporter.FileName));

        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Contains("<script>(function () {", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; reason", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;, | piped", html, StringComparison.Ordinal);
        Assert.Contains("<code>TUNING=&lt;img src=y onerror=alert(3)&gt;</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_servers_table_shows_the_environment_each_server_ran_with()
    {
        var html = await HtmlOfAsync(SampleRuns.Typical());
        var servers = html[html.IndexOf("<table class=\"servers sortable\">", StringComparison.Ordinal)..];
        servers = servers[..servers.IndexOf("</table>", StringComparison.Ordinal)];

        Assert.Contains("<th>Versions</th><th>Environment</th>", servers, StringComparison.Ordinal);
        var kestrel = servers.Split("<tr class=\"server-row\">").Single(r => r.Contains("kestrel echo server", StringComparison.Ordinal));
        Assert.Contains("<td class=\"env\">.NET: .NET 10.0.12<br>ASP.NET Core: unknown (exit 127: &lt;missing&gt; | not found)</td>", kestrel, StringComparison.Ordinal);
        var sockets = servers.Split("<tr class=\"server-row\">").Single(r => r.Contains("sockets echo server", StringComparison.Ordinal));
        Assert.Contains("<td class=\"env\"><code>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</code><br><code>DOTNET_TC_CallCountingDelayMs=0</code></td>", sockets, StringComparison.Ordinal);
        var threads = servers.Split("<tr class=\"server-row\">").Single(r => r.Contains(">threads<", StringComparison.Ordinal) || r.Contains("threads</td>", StringComparison.Ordinal));
        Assert.Contains("<td class=\"env\"></td>", threads, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constant_rate_runs_show_corrected_and_uncorrected_p99()
    {
        using var temp = new TempDirectory();
        var run = new RunBuilder().ConstantRate(20_000)
            .Benchmark("sockets", b => b.Variation(64, 10, 19_900).Sweep(5_000, 10_000, 20_000))
            .Benchmark("libuv", b => b.Variation(64, 10, 19_950).Sweep(5_000, 10_000, 20_000))
            .Build();
        await Reports.GenerateAsync(run, temp.Path);
        var html = await File.ReadAllTextAsync(Path.Combine(temp.Path, HtmlExporter.FileName));

        Assert.Contains("p99 ms uncorrected", html, StringComparison.Ordinal);
        Assert.Contains("p99 ms corrected", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-sweep-tcpecho\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_without_measurements_still_gets_a_report()
    {
        using var temp = new TempDirectory();
        var run = new RunBuilder().Failed("sockets", "no Docker engine answered").Build();

        var outcome = await Reports.GenerateAsync(run, temp.Path);

        Assert.True(outcome.Succeeded);
        var html = await File.ReadAllTextAsync(Path.Combine(temp.Path, HtmlExporter.FileName));
        Assert.Contains("no Docker engine answered", html, StringComparison.Ordinal);
        Assert.Contains("No benchmark finished a variation.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tables_show_each_figures_interval_under_its_median()
    {
        var run = SampleRuns.Typical();
        var html = await HtmlOfAsync(run);
        var summary = run.Benchmarks.Single(b => b.Server == "libuv").Variations.Single(v => v.MessageSize == 1024 && v.Concurrency == 100).Summary!;
        var details = html[html.IndexOf("<table class=\"details", StringComparison.Ordinal)..];
        var row = details.Split("<tr class=\"result ").Single(r => r.Contains("tcpecho-libuv", StringComparison.Ordinal) && r.Contains("1 KiB c=100", StringComparison.Ordinal));
        var ranking = html[html.IndexOf("tcpecho, 1 KiB, c=100</h3>", StringComparison.Ordinal)..];
        var rank = ranking[..ranking.IndexOf("</table>", StringComparison.Ordinal)].Split("<tr class=\"rank-row").Single(r => r.Contains(">libuv", StringComparison.Ordinal));

        foreach (var (estimate, format) in new (VmBench.Core.Results.Estimate, Func<double, string>)[]
        {
            (summary.RequestsPerSecond, Format.Rate), (summary.MiBPerSecond, v => Format.Fixed(v, 1)), (summary.P50Ms, Format.Ms), (summary.P99Ms, Format.Ms),
        })
        {
            Assert.NotNull(estimate.Lower);
            Assert.Contains($"{HtmlEncode(format(estimate.Median))}<span class=\"ci\">{HtmlEncode(Format.Interval(estimate, format))}</span>", row, StringComparison.Ordinal);
        }

        Assert.Contains($"<span class=\"ci\">{HtmlEncode(Format.Interval(summary.RequestsPerSecond, Format.Rate))}</span>", rank, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"ci\">{HtmlEncode(Format.Interval(summary.P99Ms, Format.Ms))}</span>", rank, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spectrum_offers_a_log_latency_axis_without_script()
    {
        var run = SampleRuns.Typical();
        var html = await HtmlOfAsync(run);
        var spectra = ReportCharts.Build(run, []).Where(s => s.Section == ChartSections.Latency && s.AlternativeOf is null).ToList();

        Assert.Equal(spectra.Count, Count(html, "<figure class=\"chart scales\""));
        foreach (var spectrum in spectra)
        {
            var figure = html[html.IndexOf($"id=\"chart-{spectrum.Id}\"", StringComparison.Ordinal)..];
            figure = figure[..figure.IndexOf("</figure>", StringComparison.Ordinal)];
            Assert.Equal(2, Count(figure, "<svg"));
            Assert.Contains("<input type=\"radio\" class=\"linear\"", figure, StringComparison.Ordinal);
            Assert.Contains("<input type=\"radio\" class=\"log\"", figure, StringComparison.Ordinal);
            Assert.Contains($"charts/{spectrum.Id}-log.svg", figure, StringComparison.Ordinal);
        }

        Assert.Contains("figure.scales input.log:checked ~ .view.log { display: block; }", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rankings_rows_and_charts_are_tagged_with_their_protocol_for_the_filter()
    {
        var run = SampleRuns.TwoProtocols();
        var html = await HtmlOfAsync(run);

        Assert.Equal(run.Benchmarks.Where(b => b.Protocol == "readline").Sum(b => b.Variations.Count), Count(html, "<tr class=\"result status-ok\" data-protocol=\"readline\""));
        Assert.Equal(ReportCharts.Build(run, []).Count(s => s.Protocol == "readline" && s.AlternativeOf is null), Regex.Matches(html, "<figure class=\"chart[^\"]*\" id=\"[^\"]*\" data-protocol=\"readline\"").Count);
        Assert.Contains("<span id=\"protocol-filter\" class=\"filter\"></span>", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"details sortable\">\n<thead>", html, StringComparison.Ordinal);
    }

    /// <summary>report.html of <paramref name="run"/>, generated as <c>vmbench report</c> does.</summary>
    private static async Task<string> HtmlOfAsync(VmBench.Core.Results.RunResult run)
    {
        using var temp = new TempDirectory();
        await Reports.GenerateAsync(run, temp.Path);
        return await File.ReadAllTextAsync(Path.Combine(temp.Path, HtmlExporter.FileName));
    }

    private static string HtmlEncode(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static int Count(string text, string what) => Regex.Matches(text, Regex.Escape(what)).Count;
}
