using VmBench.Cli.Commands.Run;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Running;
using VmBench.Reporting.Tables;
using VmBench.Testing;

namespace VmBench.Cli.Tests.Commands.Run;

[Trait(Tier.Key, Tier.Fast)]
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

    [Fact]
    public void A_cancelled_benchmark_is_counted_as_cancelled_not_ok()
    {
        var run = Run();
        var cancelled = run.Benchmarks[0] with { Name = "tcpecho-stopped", Status = Status.Cancelled, Reason = "not finished: the run was interrupted" };
        run = run with { Status = RunStatus.Cancelled, Benchmarks = [.. run.Benchmarks, cancelled] };
        var output = new StringWriter();

        new ConsoleRunObserver(output).RunFinished(run);

        Assert.Contains("3 benchmark(s): 1 ok, 1 failed, 0 skipped, 1 cancelled; run cancelled", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Titles_names_and_reasons_from_manifests_and_servers_never_reach_the_terminal_as_control_sequences()
    {
        var folder = Directory.CreateTempSubdirectory("vmbench-hostile-").FullName;
        try
        {
            var manifest = new ServerManifest(
                "evil", "Evil\u001b]0;pwned\u0007\nfake line\u001b[2J", "loop", "c", [Mode.Echo], [AddressKind.Tcp],
                new ServerBuild(BuildKind.Command, null, [], "Dockerfile"), new ServerRun(["/bin/false"], new Dictionary<string, string>()), [], folder, Path.Combine(folder, "server.json"));
            var benchmark = new Benchmark(manifest, Protocol.TcpEcho);
            var output = new StringWriter();
            var observer = new ConsoleRunObserver(output);

            observer.ServerStarting(benchmark, 0, 1);
            observer.BenchmarkOut(benchmark, Status.Failed, "the server exited:\n  last output: \u001b[31mred\r\u202Eevil");
            var run = Run();
            observer.RunFinished(run with { Benchmarks = [run.Benchmarks[1] with { Name = "tcpecho-\u001b[5mblink" }] });

            var text = output.ToString();
            Assert.DoesNotContain('\u001b', text);
            Assert.DoesNotContain('\u0007', text);
            Assert.DoesNotContain('\r', text);
            Assert.DoesNotContain('\u202E', text);
            Assert.Contains("[start 1/1] tcpecho-evil: Evil\\x1B]0;pwned\\x07\\x0Afake line\\x1B[2J\n", text, StringComparison.Ordinal);
            Assert.Contains("last output: \\x1B[31mred\\x0D\\u202Eevil", text, StringComparison.Ordinal);
            Assert.Contains("\n  last output:", text, StringComparison.Ordinal); // a server's output keeps its lines
            Assert.Contains("tcpecho-\\x1B[5mblink", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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
