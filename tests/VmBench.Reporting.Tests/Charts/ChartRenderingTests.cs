using VmBench.Reporting.Charts;
using VmBench.Reporting.Plots;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Charts;

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
    public void Palette_is_category10_in_sorted_server_order_whatever_the_run_order()
    {
        var palette = new ServerPalette(["sockets", "kestrel", "libuv", "kestrel"]);

        Assert.Equal(ServerPalette.Category10[0], palette.ColorOf("kestrel"));
        Assert.Equal(ServerPalette.Category10[1], palette.ColorOf("libuv"));
        Assert.Equal(ServerPalette.Category10[2], palette.ColorOf("sockets"));
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
