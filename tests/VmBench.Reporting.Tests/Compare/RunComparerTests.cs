using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Reporting.Compare;
using VmBench.Reporting.Statistics;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Compare;

[Trait(Tier.Key, Tier.Fast)]
public sealed class RunComparerTests
{
    [Fact]
    public void Twenty_percent_more_requests_with_repeats_is_faster()
    {
        var baseline = Run(50_000, repeats: 5);
        var candidate = Run(60_000, repeats: 5);

        var row = Assert.Single(RunComparer.Compare(baseline, candidate).Rows);

        Assert.InRange(row.RequestsPerSecondChangePercent, 19, 21);
        Assert.Equal(ChangeVerdict.Faster, row.RequestsPerSecondVerdict);
        Assert.Equal("faster", VerdictText.Of(row.RequestsPerSecondVerdict));

        // Same concurrency, more requests/s: lower latency, so p99 is "faster" too.
        Assert.True(row.P99ChangePercent < -10);
        Assert.Equal(ChangeVerdict.Faster, row.P99Verdict);
    }

    [Fact]
    public void Twenty_percent_fewer_requests_is_slower()
    {
        var row = Assert.Single(RunComparer.Compare(Run(60_000, 5), Run(48_000, 5)).Rows);

        Assert.InRange(row.RequestsPerSecondChangePercent, -21, -19);
        Assert.Equal(ChangeVerdict.Slower, row.RequestsPerSecondVerdict);
        Assert.Equal(ChangeVerdict.Slower, row.P99Verdict);
    }

    [Fact]
    public void Equal_runs_show_no_resolvable_difference()
    {
        var row = Assert.Single(RunComparer.Compare(Run(50_000, 5), Run(50_000, 5, noise: 0.012)).Rows);

        Assert.InRange(row.RequestsPerSecondChangePercent, -1, 1);
        Assert.Equal(ChangeVerdict.NoResolvableDifference, row.RequestsPerSecondVerdict);
        Assert.Equal("no resolvable difference", VerdictText.Of(row.RequestsPerSecondVerdict));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Too_few_trials_give_the_change_and_say_how_many_are_needed(int trials)
    {
        var row = Assert.Single(RunComparer.Compare(Run(50_000, trials), Run(60_000, trials)).Rows);

        Assert.InRange(row.RequestsPerSecondChangePercent, 19, 21);
        Assert.Equal(ChangeVerdict.TooFewTrials(4), row.RequestsPerSecondVerdict);
        Assert.Equal(ChangeVerdict.TooFewTrials(4), row.P99Verdict);
        Assert.Equal("too few trials (need 4)", VerdictText.Of(row.RequestsPerSecondVerdict));
    }

    [Fact]
    public void Four_trials_per_run_are_enough_for_a_verdict()
    {
        var row = Assert.Single(RunComparer.Compare(Run(50_000, 4), Run(60_000, 4)).Rows);

        Assert.Equal(ChangeVerdict.Faster, row.RequestsPerSecondVerdict);
    }

    [Fact]
    public void Only_what_both_runs_measured_is_compared()
    {
        var baseline = new RunBuilder().Benchmark("sockets", b => b.Variation(64, 10, 1000).Variation(64, 100, 2000)).Build();
        var candidate = new RunBuilder().Benchmark("sockets", b => b.Variation(64, 10, 1100)).Benchmark("libuv", b => b.Variation(64, 10, 1000)).Build();

        var comparison = RunComparer.Compare(baseline, candidate);

        Assert.Single(comparison.Rows);
        Assert.Equal(["tcpecho-sockets 64 B c=100"], comparison.OnlyInBase);
        Assert.Equal(["tcpecho-libuv 64 B c=10"], comparison.OnlyInNew);
    }

    [Fact]
    public void Console_table_and_page_show_change_and_verdict_escaped()
    {
        var baseline = new RunBuilder().Repeat(5).Benchmark("<script>x</script>", b => b.Variation(64, 10, 50_000, repeats: 5)).Build();
        var candidate = new RunBuilder().Repeat(5).Benchmark("<script>x</script>", b => b.Variation(64, 10, 60_000, repeats: 5)).Build();
        var comparison = RunComparer.Compare(baseline, candidate);

        var table = ComparisonTable.Render(comparison);
        var html = CompareHtmlBuilder.Build(comparison, "base/run.json", "new/run.json");

        Assert.Contains("+20.0 %", table, StringComparison.Ordinal);
        Assert.Contains("faster", table, StringComparison.Ordinal);
        Assert.Contains("+20.0 %", html, StringComparison.Ordinal);
        foreach (var text in new[] { table, html })
        {
            Assert.Contains("minimum effect 5 %", text, StringComparison.Ordinal);
            Assert.Contains("alpha 0.05", text, StringComparison.Ordinal);
            Assert.Contains("at least 4 trials per run", text, StringComparison.Ordinal);
        }
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        OfflineAssertions.AssertSelfContained(html);
    }

    [Fact]
    public void The_page_shows_each_runs_interval_under_its_medians()
    {
        var baseline = Run(50_000, 5);
        var candidate = Run(60_000, 5);

        var html = CompareHtmlBuilder.Build(RunComparer.Compare(baseline, candidate), "a", "b");

        foreach (var run in new[] { baseline, candidate })
        {
            var summary = run.Benchmarks.Single().Variations.Single().Summary!;
            Assert.Contains($"<span class=\"ci\">{VmBench.Reporting.Tables.Format.Interval(summary.RequestsPerSecond, VmBench.Reporting.Tables.Format.Rate)}</span>", html, StringComparison.Ordinal);
            Assert.Contains($"<span class=\"ci\">{VmBench.Reporting.Tables.Format.Interval(summary.P99Ms, VmBench.Reporting.Tables.Format.Ms)}</span>", html, StringComparison.Ordinal);
        }

        Assert.Contains("<td data-label=\"req/s verdict\" class=\"faster\">faster</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_prints_the_minimum_effect_it_used()
    {
        var comparison = RunComparer.Compare(Run(50_000, 5), Run(52_500, 5), new ChangeTest(2.5));
        var row = Assert.Single(comparison.Rows);

        Assert.Equal(2.5, comparison.ThresholdPercent);
        Assert.Equal(ChangeVerdict.Faster, row.RequestsPerSecondVerdict);
        Assert.Contains("minimum effect 2.5 %", ComparisonTable.Render(comparison), StringComparison.Ordinal);
        Assert.Contains("minimum effect 2.5 %", CompareHtmlBuilder.Build(comparison, "a", "b"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_machine_that_slowed_between_the_runs_is_slower_in_requests_but_not_against_the_reference()
    {
        // Run two on a machine 20 % slower: the server and the reference both lose 20 %, so its fraction of the limit holds.
        var first = ReferenceRuns.Run([100_000, 96_000, 104_000, 99_000, 101_000], ("c-epoll", BenchmarkRole.Reference, 1.0, 0.0), ("sockets", BenchmarkRole.Measured, 0.7, 0.01));
        var second = ReferenceRuns.Run([80_000, 77_000, 83_000, 79_000, 81_000], ("c-epoll", BenchmarkRole.Reference, 1.0, 0.0), ("sockets", BenchmarkRole.Measured, 0.7, 0.012));

        var comparison = RunComparer.Compare(first, second);
        var sockets = comparison.Rows.Single(r => r.Benchmark == "tcpecho-sockets");
        var reference = comparison.Rows.Single(r => r.Benchmark == "tcpecho-c-epoll");

        Assert.Equal(ChangeVerdict.Slower, sockets.RequestsPerSecondVerdict);
        Assert.Equal(ChangeVerdict.NoResolvableDifference, sockets.ReferenceRatioVerdict);
        Assert.InRange(sockets.BaseReferenceRatio!.Value, 0.69, 0.71);
        Assert.InRange(sockets.NewReferenceRatio!.Value, 0.69, 0.71);
        Assert.Null(reference.ReferenceRatioVerdict); // the reference has no ratio to itself
        Assert.Contains(sockets.NewReferenceRatio.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), ComparisonTable.Render(comparison), StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_that_lost_15_percent_against_the_reference_is_slower_against_it()
    {
        double[] machine = [100_000, 82_000, 118_000, 95_000, 104_000];
        var first = ReferenceRuns.Run(machine, ("c-epoll", BenchmarkRole.Reference, 1.0, 0.0), ("sockets", BenchmarkRole.Measured, 0.8, 0.01));
        var second = ReferenceRuns.Run(machine, ("c-epoll", BenchmarkRole.Reference, 1.0, 0.0), ("sockets", BenchmarkRole.Measured, 0.68, 0.01));

        var sockets = RunComparer.Compare(first, second).Rows.Single(r => r.Benchmark == "tcpecho-sockets");

        Assert.Equal(ChangeVerdict.Slower, sockets.ReferenceRatioVerdict);
    }

    [Fact]
    public void The_fractions_of_the_limit_are_the_medians_run_json_holds_not_recomputed()
    {
        double[] machine = [100_000, 96_000, 104_000, 99_000, 101_000];
        var first = ReferenceRuns.Run(machine, ("c-epoll", BenchmarkRole.Reference, 1.0, 0.0), ("sockets", BenchmarkRole.Measured, 0.7, 0.01));
        var second = ReferenceRuns.Run(machine, ("c-epoll", BenchmarkRole.Reference, 1.0, 0.0), ("sockets", BenchmarkRole.Measured, 0.7, 0.01));
        // The stored estimate is what results.md and the report print; compare must show the same figure.
        var stored = Stored(second, 0.654);

        var sockets = RunComparer.Compare(first, stored).Rows.Single(r => r.Benchmark == "tcpecho-sockets");

        Assert.Equal(0.654, sockets.NewReferenceRatio);
    }

    private static RunResult Stored(RunResult run, double ratioMedian) => run with
    {
        Benchmarks = run.Benchmarks.Select(b => b with
        {
            Variations = b.Variations.Select(v => v.Summary is { ReferenceRatio: { } ratio } s ? v with { Summary = s with { ReferenceRatio = ratio with { Median = ratioMedian } } } : v).ToArray(),
        }).ToArray(),
    };

    private static RunResult Run(double rps, int repeats, double noise = 0.01) =>
        new RunBuilder().Repeat(repeats).Benchmark("sockets", b => b.Variation(1024, 100, rps, repeats, noise)).Build();
}
