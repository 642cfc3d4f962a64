using VmBench.Cli.Commands.Run;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Running;
using VmBench.Reporting.Tables;
using VmBench.Testing;

namespace VmBench.Cli.Tests.Commands.Run;

public sealed class ConsoleRunObserverTests
{
    [Fact]
    public void The_final_table_is_the_reports_table_and_a_cell_flagged_client_bound_is_never_just_ok()
    {
        var run = Run();
        var output = new StringWriter();

        new ConsoleRunObserver(output).RunFinished(run);

        var text = output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(ConsoleSummary.Render(run), text, StringComparison.Ordinal);
        var line = Assert.Single(text.Split('\n'), l => l.StartsWith("tcpecho-go ", StringComparison.Ordinal));
        Assert.EndsWith("  ok, client-bound (client saturated)", line, StringComparison.Ordinal);
        Assert.Contains(" 1,000 ", line, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), l => l.StartsWith("tcpecho-broken ", StringComparison.Ordinal) && l.EndsWith("  failed", StringComparison.Ordinal));
    }

    private static RunResult Run()
    {
        var latency = new LatencySummary(100, 0.1, 0.2, 1, 0.05, 0.25, 0.15, 0.2, 0.25, 0.3, 0.5, 0.9, 1, []);
        var trials = new[] { 900.0, 1000, 1100 }.Select((rps, i) =>
        {
            var bound = i == 2;
            var client = new ClientUsage(1, bound ? 0.97 : 0.5, 10, bound, bound ? "client CPU at 97 % of 1 core" : null);
            return new TrialResult(i + 1, 1, DateTimeOffset.UnixEpoch, new LoadResult((long)rps, (long)rps, 1024, 1, rps, rps / 1024, latency, null, null, 0, null, [], client, null), 0.5, 10, 1000, null);
        }).ToArray();
        var warmup = new WarmupResult(4, true, [1, 1, 1, 1], 0, 0);
        var summary = new CellSummarizer(new MedianEstimator()).Summarize(trials, warmup, null);
        var go = new BenchmarkResult("tcpecho-go", "go", "Go", "go", "go", "tcpecho", BenchmarkRole.Measured, Status.Ok, null, warmup, [new VariationResult(50, 1024, Status.Ok, null, trials, summary)], []);
        var broken = new BenchmarkResult("tcpecho-broken", "broken", "Broken", "x", "c", "tcpecho", BenchmarkRole.Measured, Status.Failed, "did not start", null, [], []);
        var environment = new RunEnvironment("host", "os", "kernel", "cpu", 2, ".NET", "1.0", new Dictionary<string, string>());
        var config = new RunConfig([], "local", [50], [1024], 1, 3, 42, null, false, new WarmupPolicy(0, 0, 4, 5), 0, null, false, [1], [0], 5, 5, "out");
        return new RunResult(RunResult.CurrentSchemaVersion, RunResult.ToolName, DateTimeOffset.UnixEpoch, RunStatus.Failed, "vmbench run", "local", new Dictionary<string, string>(), environment, config, [go, broken]);
    }
}
