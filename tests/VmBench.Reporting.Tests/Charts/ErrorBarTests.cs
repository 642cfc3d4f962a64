using ScottPlot;
using VmBench.Reporting.Charts;
using VmBench.Reporting.Plots.Internal;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Charts;

/// <summary>The whiskers a title promises are drawn, from each row's own 95 % CI, and bars start at zero.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class ErrorBarTests
{
    [Fact]
    public void Bar_whiskers_span_each_rows_interval_and_the_axis_starts_at_zero()
    {
        var run = SampleRuns.Typical();
        var spec = ReportCharts.Build(run, []).First(s => s.Id == "rps-tcpecho");
        using var plot = new Plot();

        BarChartDrawer.Draw(plot, spec);

        var whiskers = Assert.Single(plot.GetPlottables<ScottPlot.Plottables.ErrorBar>());
        var expected = run.Benchmarks.SelectMany(b => b.Variations).Where(v => v.Summary is not null).Select(v => v.Summary!.RequestsPerSecond)
            .Select(e => (Low: e.Lower!.Value, High: e.Upper!.Value)).OrderBy(e => e.Low).ToList();
        var drawn = whiskers.Ys.Select((y, i) => (Low: y - whiskers.YErrorNegative![i], High: y + whiskers.YErrorPositive![i])).OrderBy(e => e.Low).ToList();
        Assert.Equal(expected.Count, drawn.Count);
        for (var i = 0; i < drawn.Count; i++)
        {
            Assert.Equal(expected[i].Low, drawn[i].Low, 6);
            Assert.Equal(expected[i].High, drawn[i].High, 6);
        }

        Assert.Equal(0, plot.Axes.GetLimits().Bottom);
    }

    [Fact]
    public void Line_whiskers_span_each_medians_interval_on_the_log_axis_too()
    {
        var spec = ReportCharts.Build(SampleRuns.Typical(), []).First(s => s.Section == ChartSections.Concurrency);
        var points = spec.Series.SelectMany(s => s.Points).ToList();
        using var linear = new Plot();
        using var log = new Plot();

        LineChartDrawer.Draw(linear, spec);
        LineChartDrawer.Draw(log, spec with { YScale = AxisScale.Log });

        var onLinear = linear.GetPlottables<ScottPlot.Plottables.ErrorBar>().ToList();
        var onLog = log.GetPlottables<ScottPlot.Plottables.ErrorBar>().ToList();
        Assert.Equal(spec.Series.Count, onLinear.Count);
        Assert.Equal(points.Select(p => p.High!.Value).Order(), onLinear.SelectMany(e => e.Ys.Select((y, i) => y + e.YErrorPositive![i])).Order(), new Tolerance(1e-9));
        Assert.Equal(points.Select(p => Math.Log10(p.Low!.Value)).Order(), onLog.SelectMany(e => e.Ys.Select((y, i) => y - e.YErrorNegative![i])).Order(), new Tolerance(1e-9));
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
