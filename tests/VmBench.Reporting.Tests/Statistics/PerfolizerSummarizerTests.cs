using VmBench.Core.Results;
using VmBench.Core.Running;
using VmBench.Reporting.Statistics;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Statistics;

[Trait(Tier.Key, Tier.Fast)]
public sealed class PerfolizerSummarizerTests
{
    [Fact]
    public void Median_confidence_interval_and_spread_over_repeats()
    {
        var estimate = PerfolizerSummarizer.Of([100, 101, 99, 100.5, 99.5]);

        Assert.Equal(100, estimate.Median, 9);
        Assert.NotNull(estimate.Lower);
        Assert.NotNull(estimate.Upper);
        Assert.InRange(estimate.Median, estimate.Lower!.Value, estimate.Upper!.Value);
        Assert.True(estimate.Upper - estimate.Lower < 5);
        Assert.Equal(99, estimate.Min);
        Assert.Equal(101, estimate.Max);
        Assert.Equal(5, estimate.N);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Too_few_repeats_have_no_interval(int n)
    {
        var estimate = PerfolizerSummarizer.Of(Enumerable.Range(0, n).Select(i => 100.0 + i));

        Assert.Null(estimate.Lower);
        Assert.Null(estimate.Upper);
        Assert.Equal(n, estimate.N);
    }

    [Fact]
    public void A_cell_summary_is_the_median_of_every_figure_over_the_same_trials()
    {
        var run = new RunBuilder().Benchmark("sockets", b => b.Variation(64, 10, 10_000, repeats: 5)).Build();
        var variation = run.Benchmarks[0].Variations[0];
        var runs = variation.Runs;

        var summary = new CellSummarizer(PerfolizerSummarizer.Instance).Summarize(variation.Trials, new WarmupResult(4, true, [1, 1, 1, 1], 0, 0), null)!;

        Assert.Equal(5, summary.RequestsPerSecond.N);
        Assert.InRange(summary.RequestsPerSecond.Median, 9_900, 10_100);
        Assert.Equal(runs.Select(r => r.Latency.P99).Order().ElementAt(2), summary.P99Ms.Median, 9);
        Assert.Equal(runs.Select(r => r.MiBPerSecond).Order().ElementAt(2), summary.MiBPerSecond.Median, 9);
        Assert.Equal(runs.Select(r => r.Latency.P50).Order().ElementAt(2), summary.P50Ms.Median, 9);
        Assert.NotNull(summary.P99Ms.Lower);
        Assert.Null(summary.ReferenceRatio);
        Assert.False(summary.Flags.Unsteady);
    }
}
