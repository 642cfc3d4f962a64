using System.Text.RegularExpressions;
using VmBench.Reporting.Charts;
using VmBench.Reporting.Plots;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Charts;

[Trait(Tier.Key, Tier.Fast)]
public sealed class ChartRenderingTests
{
    private static readonly string[] s_servers = ["kestrel", "libuv", "sockets"];

    [Fact]
    public void Every_chart_is_written_as_svg_and_png()
    {
        using var temp = new TempDirectory();
        var renderer = new ScottPlotChartRenderer();
        var specs = ReportCharts.Build(SampleRuns.Typical(), []);

        Assert.Contains(specs, s => s.Section == ChartSections.Throughput);
        Assert.Contains(specs, s => s.Section == ChartSections.Latency && s.XAxis == XAxisKind.Nines);
        Assert.Contains(specs, s => s.Section == ChartSections.Concurrency);
        Assert.Contains(specs, s => s.Section == ChartSections.Timeline);
        Assert.Contains(specs, s => s.Section == ChartSections.Server);
        foreach (var spec in specs)
        {
            var chart = renderer.Render(spec, temp.Path);

            var svg = Path.Combine(temp.Path, spec.Id + ".svg");
            var png = Path.Combine(temp.Path, spec.Id + ".png");
            Assert.Equal([svg, png], chart.Files);
            Assert.StartsWith("<?xml", File.ReadAllText(svg), StringComparison.Ordinal);
            Assert.True(new FileInfo(png).Length > 10_000, $"{png} is only {new FileInfo(png).Length} bytes");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
            Assert.Contains("<text", chart.Svg, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_server_has_the_same_colour_in_every_chart()
    {
        using var temp = new TempDirectory();
        var run = SampleRuns.Typical();
        var palette = ReportCharts.PaletteOf(run);
        var renderer = new ScottPlotChartRenderer();
        var seen = new Dictionary<string, HashSet<string>>();

        foreach (var spec in ReportCharts.Build(run, []).Where(s => s.Section != ChartSections.Timeline))
        {
            var svg = renderer.Render(spec, temp.Path).Svg;
            foreach (var series in spec.Series)
            {
                var server = series.Label.Split(' ')[0];
                Assert.Contains(server, s_servers);
                seen.TryAdd(server, []);
                seen[server].Add(series.Color);
                Assert.Contains(series.Color.ToUpperInvariant(), svg, StringComparison.Ordinal);
            }
        }

        Assert.Equal(s_servers, seen.Keys.Order(StringComparer.Ordinal));
        foreach (var (server, colours) in seen)
        {
            Assert.Equal([palette.ColorOf(server)], colours);
        }

        Assert.Equal(3, s_servers.Select(palette.ColorOf).Distinct().Count());
    }

    [Fact]
    public void A_server_keeps_its_colour_whatever_else_was_run_and_in_what_order()
    {
        var alone = new ServerPalette(["libuv"]);
        var withOthers = new ServerPalette(["sockets", "kestrel", "libuv", "kestrel", "go"]);
        var reordered = new ServerPalette(["go", "libuv", "sockets"]);

        Assert.Equal(ServerPalette.PreferredColorOf("libuv"), alone.ColorOf("libuv"));
        Assert.Equal(alone.ColorOf("libuv"), withOthers.ColorOf("libuv"));
        Assert.Equal(alone.ColorOf("libuv"), reordered.ColorOf("libuv"));
        Assert.Equal(withOthers.ColorOf("go"), reordered.ColorOf("go"));
        Assert.Equal(withOthers.ColorOf("sockets"), reordered.ColorOf("sockets"));
        Assert.All(new[] { "libuv", "go", "sockets", "kestrel" }, id => Assert.Contains(withOthers.ColorOf(id), ServerPalette.Colors));
    }

    [Fact]
    public void Servers_of_one_report_never_share_a_colour_even_when_their_hashes_collide()
    {
        string[] ids = ["asyncio", "c-epoll", "go", "kestrel", "libuv", "node", "pipelines", "saea", "sockets", "threads", "uvloop"];
        var palette = new ServerPalette(ids);

        Assert.True(ids.Select(ServerPalette.PreferredColorOf).Distinct().Count() < ids.Length, "no two preferred colours collide: this test proves nothing");
        Assert.Equal(ids.Length, ids.Select(palette.ColorOf).Distinct().Count());
    }

    [Fact]
    public void The_aa_arm_is_a_lighter_shade_of_its_server()
    {
        var palette = new ServerPalette(["libuv"]);
        var color = palette.ColorOf("libuv");
        var shade = palette.ShadeOf("libuv", 0.45);

        int Sum(string hex) => Convert.ToInt32(hex[1..3], 16) + Convert.ToInt32(hex[3..5], 16) + Convert.ToInt32(hex[5..7], 16);
        Assert.NotEqual(color, shade);
        Assert.True(Sum(shade) > Sum(color), $"{shade} is not lighter than {color}");
    }

    [Fact]
    public void Every_bar_has_a_tooltip_with_its_exact_median_interval_and_trials()
    {
        using var temp = new TempDirectory();
        var run = SampleRuns.Typical();
        var spec = ReportCharts.Build(run, []).First(s => s.Id == "rps-tcpecho");

        var svg = new ScottPlotChartRenderer().Render(spec, temp.Path).Svg;

        var bars = spec.Series.Sum(s => s.Points.Count);
        Assert.Equal(bars, Regex.Matches(svg, "<rect [^>]*><title>").Count);
        var libuv = run.Benchmarks.Single(b => b.Server == "libuv").Variations.Single(v => v.MessageSize == 64 && v.Concurrency == 10);
        var rps = libuv.Summary!.RequestsPerSecond;
        var expected = $"libuv, 64 B c=10: {VmBench.Reporting.Tables.Format.Rate(rps.Median)} requests/s (95 % CI {VmBench.Reporting.Tables.Format.Rate(rps.Lower!.Value)} – {VmBench.Reporting.Tables.Format.Rate(rps.Upper!.Value)}); trials: "
            + string.Join(", ", libuv.Runs.Select(r => VmBench.Reporting.Tables.Format.Rate(r.RequestsPerSecond)));
        Assert.Contains("<title>" + expected + "</title>", svg, StringComparison.Ordinal);
        Assert.Contains("<title>", File.ReadAllText(Path.Combine(temp.Path, spec.Id + ".svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Points_of_a_line_chart_have_tooltips_with_their_interval()
    {
        using var temp = new TempDirectory();
        var run = SampleRuns.Typical();
        var spec = ReportCharts.Build(run, []).First(s => s.Section == ChartSections.Concurrency);

        var svg = new ScottPlotChartRenderer().Render(spec, temp.Path).Svg;

        Assert.Equal(spec.Series.Sum(s => s.Points.Count), Regex.Matches(svg, "<circle [^>]*><title>").Count);
        Assert.All(spec.Series.SelectMany(s => s.Points), p => Assert.Contains($"(95 % CI {Plots.Internal.TipText.Number(p.Low!.Value)} – {Plots.Internal.TipText.Number(p.High!.Value)})", svg, StringComparison.Ordinal));
    }

    [Fact]
    public void Latency_against_concurrency_carries_each_medians_interval()
    {
        var run = SampleRuns.Typical();
        var spec = ReportCharts.Build(run, []).First(s => s.Id == "latency-concurrency-tcpecho-64b");
        var p99 = spec.Series.Single(s => s.Label == "libuv p99").Points[0];
        var summary = run.Benchmarks.Single(b => b.Server == "libuv").Variations.Single(v => v.MessageSize == 64 && v.Concurrency == 10).Summary!;

        Assert.Equal(summary.P99Ms.Lower, p99.Low);
        Assert.Equal(summary.P99Ms.Upper, p99.High);
        Assert.Contains("error bars: 95 % CI", spec.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_spectrum_is_also_drawn_on_a_log_latency_axis()
    {
        using var temp = new TempDirectory();
        var specs = ReportCharts.Build(SampleRuns.Typical(), []);
        var spectra = specs.Where(s => s.Section == ChartSections.Latency && s.AlternativeOf is null).ToList();
        var logs = specs.Where(s => s.AlternativeOf is not null).ToList();

        Assert.NotEmpty(spectra);
        Assert.Equal(spectra.Select(s => s.Id), logs.Select(s => s.AlternativeOf));
        Assert.All(logs, s => Assert.Equal(AxisScale.Log, s.YScale));
        Assert.All(spectra, s => Assert.Equal(AxisScale.Linear, s.YScale));
        var linear = new ScottPlotChartRenderer().Render(spectra[0], temp.Path).Svg;
        var log = new ScottPlotChartRenderer().Render(logs[0], temp.Path).Svg;
        Assert.NotEqual(linear, log);
        Assert.True(File.Exists(Path.Combine(temp.Path, logs[0].Id + ".png")));
    }

    [Fact]
    public void A_long_title_is_broken_between_words_into_lines_that_fit()
    {
        var wrapped = Plots.Internal.ChartStyle.Wrap("tcpecho: requests/s by payload and concurrency (median over trials; error bars: 95 % CI)", 40);

        Assert.All(wrapped.Split('\n'), line => Assert.InRange(line.Length, 1, 40));
        Assert.Equal("tcpecho: requests/s by payload and concurrency (median over trials; error bars: 95 % CI)", wrapped.Replace('\n', ' '));
    }

    [Fact]
    public void Spectrum_x_axis_is_nines_and_skips_the_100th_percentile()
    {
        var spectrum = ReportCharts.Build(SampleRuns.Typical(), []).First(s => s.Section == ChartSections.Latency);

        Assert.All(spectrum.Series, s => Assert.All(s.Points, p => Assert.InRange(p.X, 0, 99.9999)));
        Assert.Equal(3.0, Plots.Internal.LineChartDrawer.Nines(99.9), 9);
        Assert.Equal(1.0, Plots.Internal.LineChartDrawer.Nines(90), 9);
        Assert.Equal(0.0, Plots.Internal.LineChartDrawer.Nines(0), 9);
    }

    [Fact]
    public void Throughput_bars_carry_the_confidence_interval()
    {
        var throughput = ReportCharts.Build(SampleRuns.Typical(), []).First(s => s.Section == ChartSections.Throughput);

        Assert.All(throughput.Series.SelectMany(s => s.Points), p =>
        {
            Assert.NotNull(p.Low);
            Assert.NotNull(p.High);
            Assert.InRange(p.Y, p.Low!.Value, p.High!.Value);
        });
    }

    [Fact]
    public void Hostile_server_id_in_a_chart_is_escaped_in_the_svg()
    {
        using var temp = new TempDirectory();
        var run = new RunBuilder().Benchmark("<script>alert(1)</script>", b => b.Variation(64, 10, 1000)).Build();
        var spec = ReportCharts.Build(run, []).First(s => s.Section == ChartSections.Throughput);

        var svg = new ScottPlotChartRenderer().Render(spec, temp.Path).Svg;
        var inlined = VmBench.Reporting.Html.SvgSanitizer.Sanitize(svg, "x-");

        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(inlined);
        Assert.DoesNotContain("<script", inlined, StringComparison.OrdinalIgnoreCase);
    }
}
