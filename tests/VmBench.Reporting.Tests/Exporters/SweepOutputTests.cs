using VmBench.Core.Load;
using VmBench.Core.Results;
using VmBench.Reporting.Charts;
using VmBench.Reporting.Exporters;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Exporters;

/// <summary>Sweep steps keep their outcome (ok, server saturated, rate not met) in results.csv and as marked points in the chart data.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class SweepOutputTests
{
    [Fact]
    public void Each_sweep_step_is_a_csv_row_with_its_outcome_and_steps_above_the_peak_are_server_saturated()
    {
        var lines = CsvExporter.Render(Run()).TrimEnd('\n').Split('\n').Select(Csv.ParseLine).ToList();
        var header = lines[0];
        var sweep = lines.Where(l => l[0] == "sweep").Select(l => header.Zip(l).ToDictionary(p => p.First, p => p.Second)).ToList();

        Assert.Equal(["5000", "10000", "12000", "12000"], sweep.Select(r => r["intended_rate_per_s"]));
        Assert.Equal(["false", "false", "false", "true"], sweep.Select(r => r["client_bound"]));
        Assert.Equal(["", "", "server", "client"], sweep.Select(r => r["saturated"]));
        Assert.EndsWith(": ok", sweep[0]["notes"], StringComparison.Ordinal);
        Assert.Contains("server saturated", sweep[2]["notes"], StringComparison.Ordinal);
        Assert.DoesNotContain("client-bound", sweep[2]["notes"], StringComparison.Ordinal);
        Assert.Contains("rate not met (client-bound)", sweep[3]["notes"], StringComparison.Ordinal);
        Assert.Equal("10100", sweep[2]["requests_per_s"]);
    }

    [Fact]
    public void The_sweep_chart_marks_each_flagged_step_with_its_outcome()
    {
        var chart = ReportCharts.Build(Run(), []).Single(c => c.Section == ChartSections.Sweep);

        var p99 = chart.Series.Single(s => s.Label == "go p99");
        Assert.Equal([null, null, "server saturated", "rate not met (client-bound)"], p99.Points.Select(p => p.Flag));
        Assert.Contains("x marks flagged points: rate not met (client-bound), server saturated", chart.Title, StringComparison.Ordinal);
    }

    private static RunResult Run()
    {
        var run = new RunBuilder().Benchmark("go", b => b.Variation(1024, 10, 10_000).Sweep(5_000, 10_000, 12_000, 12_000)).Build();
        var benchmark = run.Benchmarks[0];
        var steps = benchmark.Sweep.ToArray();
        steps[2] = steps[2] with { Result = steps[2].Result with { RequestsPerSecond = 10_100, Client = new ClientUsage(2, 0.55, 10, true, "achieved 10,100 of 12,000 requests/s planned") } };
        steps[3] = steps[3] with { Result = steps[3].Result with { RequestsPerSecond = 10_100, Client = new ClientUsage(2, 0.97, 10, true, "client CPU at 97 % of 1 core") } };
        return run with { Benchmarks = [benchmark with { Sweep = steps }] };
    }
}
