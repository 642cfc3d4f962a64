using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Running;
using VmBench.Reporting.Exporters;
using VmBench.Reporting.Statistics;
using VmBench.Reporting.Tables;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Tables;

[Trait(Tier.Key, Tier.Fast)]
public sealed class RunAnalysisTests
{
    // The machine drifts by tens of percent between trials; every server drifts with it.
    private static readonly double[] s_machine = [100_000, 82_000, 118_000, 95_000, 104_000];

    [Fact]
    public void A_server_10_percent_slower_than_the_reference_is_called_lower_despite_the_drift_and_equals_are_at_the_ceiling()
    {
        var run = Run(
            ("c-epoll", BenchmarkRole.Reference, 1.0, 0.000),
            ("c-epoll", BenchmarkRole.AaArm, 1.0, 0.010),
            ("same", BenchmarkRole.Measured, 1.0, 0.012),
            ("slow", BenchmarkRole.Measured, 0.9, 0.010));
        var rows = ResultRows.From(run);

        var analysis = RunAnalysis.Of(run, rows);

        Assert.NotNull(analysis.NoiseFloor!.Fraction);
        Assert.InRange(analysis.NoiseFloor.Fraction!.Value, 0.001, 0.05);
        var ranking = Assert.Single(analysis.Rankings);
        Assert.True(ranking.ByReferenceRatio);
        Assert.DoesNotContain(ranking.Entries, e => e.Row.Benchmark.Role == BenchmarkRole.AaArm); // the A/A arm measures noise, it is not a contender
        var slow = ranking.Entries.Single(e => e.Row.Benchmark.Server == "slow");
        Assert.Equal(PairedVerdict.Lower, slow.VersusReference!.Verdict);
        Assert.False(slow.Ranked.AtCeiling);
        var same = ranking.Entries.Single(e => e.Row.Benchmark.Server == "same");
        Assert.Equal(PairedVerdict.NoResolvableDifference, same.VersusReference!.Verdict);
        Assert.True(same.Ranked.AtCeiling);
        Assert.Equal("ceiling", same.RankText);
        Assert.Null(ranking.Entries.Single(e => e.Row.Benchmark.Role == BenchmarkRole.Reference).VersusReference);
        // Unpaired, the drift hides the 10 %: the requests/s intervals of "slow" and the reference overlap.
        var reference = ranking.Entries.Single(e => e.Row.Benchmark.Role == BenchmarkRole.Reference).Row.RequestsPerSecond!;
        Assert.True(slow.Row.RequestsPerSecond!.Upper > reference.Lower);
    }

    [Fact]
    public void Without_an_A_A_arm_the_reports_say_the_noise_floor_was_not_measured_and_print_every_verdict()
    {
        var run = Run(("c-epoll", BenchmarkRole.Reference, 1.0, 0.0), ("slow", BenchmarkRole.Measured, 0.9, 0.01));

        var markdown = MarkdownExporter.Render(run);

        Assert.Contains("noise floor not measured (run with --aa to measure it)", markdown, StringComparison.Ordinal);
        Assert.Contains("| tcpecho-slow | ", markdown, StringComparison.Ordinal);
        Assert.Contains("| lower |", markdown, StringComparison.Ordinal);
        Assert.Contains("called only when the ratio is more than 5 % from 1", markdown, StringComparison.Ordinal);
    }

    private static RunResult Run(params (string Server, BenchmarkRole Role, double Factor, double Noise)[] servers) => ReferenceRuns.Run(s_machine, servers);
}
