using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Runtimes;
using VmBench.Core.Running;
using VmBench.Core.Tests.Catalog;

namespace VmBench.Core.Tests.Running;

public sealed class RunnerTests : IDisposable
{
    private readonly TempServers _servers = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "vmbench-runner-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Measures_every_variation_and_writes_run_json_after_each()
    {
        var plan = RunPlans.For(_servers, _output, 1, "alpha", "beta");
        var seen = new List<int>();
        var load = new FakeLoad((spec, call, _) =>
        {
            // What is on disk when a measurement starts: every earlier variation of this benchmark is already saved.
            var onDisk = RunJson.Read(plan.RunJsonPath);
            seen.Add(onDisk.Benchmarks.Sum(b => b.Variations.Count));
            return FakeLoad.Result(1000 + call);
        });
        var runtime = new FakeRuntime();

        var run = await new Runner(runtime, load, new SilentObserver(), new MedianSummarizer()).RunAsync(plan, CancellationToken.None);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(["tcpecho-alpha", "tcpecho-beta"], run.Benchmarks.Select(b => b.Name));
        Assert.All(run.Benchmarks, b => Assert.Equal(4, b.Variations.Count));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], seen);
        Assert.All(runtime.Servers, s => Assert.True(s.Disposed));
        var reread = RunJson.Read(_output);
        Assert.Equal(run.Benchmarks.SelectMany(b => b.Variations).Select(v => v.Summary!.RequestsPerSecond.Median), reread.Benchmarks.SelectMany(b => b.Variations).Select(v => v.Summary!.RequestsPerSecond.Median));
        Assert.Equal("1.44.2", reread.Environment.NativeLibraries["libuv"]);
        Assert.Equal([1024, 1024, 10240, 10240], run.Benchmarks[0].Variations.Select(v => v.MessageSize));
    }

    [Fact]
    public async Task Each_benchmark_records_the_environment_its_manifest_gives_the_server()
    {
        _servers.Add("tuned", TempServers.Valid("tuned", "\"echo\"", "\"tcp\"").Replace(
            "\"build\":", "\"run\": { \"env\": { \"B_SETTING\": \"2\", \"A_SETTING\": \"x y\" } },\n  \"build\":", StringComparison.Ordinal), "Test.csproj");
        var plan = RunPlans.For(_servers, _output, 1, "plain");
        var load = new FakeLoad((_, _, _) => FakeLoad.Result(500));

        var run = await new Runner(new FakeRuntime(), load, new SilentObserver(), new MedianSummarizer()).RunAsync(plan, CancellationToken.None);

        var reread = RunJson.Read(_output);
        var tuned = reread.Benchmarks.Single(b => b.Server == "tuned");
        Assert.Equal(["A_SETTING=x y", "B_SETTING=2"], tuned.ServerEnvironment!.Select(e => $"{e.Key}={e.Value}"));
        Assert.Null(reread.Benchmarks.Single(b => b.Server == "plain").ServerEnvironment);
        Assert.Equal(Status.Ok, run.Benchmarks.Single(b => b.Server == "tuned").Status);
    }

    [Fact]
    public async Task A_failed_benchmark_is_recorded_with_its_reason_and_the_others_still_run()
    {
        var plan = RunPlans.For(_servers, _output, 1, "alpha", "beta", "gamma");
        var runtime = new FakeRuntime
        {
            StartFailure = l => l.Benchmark.Server.Id == "alpha" ? ServerStartException.WithLog("the server exited before it was ready", "bind: address in use") : null,
            Build = s => s.Id == "gamma" ? BuildResult.Skipped("skipped: apt-get install gamma") : BuildResult.Built("ok"),
        };
        var load = new FakeLoad((_, _, _) => FakeLoad.Result(500));

        var run = await new Runner(runtime, load, new SilentObserver(), new MedianSummarizer()).RunAsync(plan, CancellationToken.None);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal([Status.Failed, Status.Ok, Status.Skipped], run.Benchmarks.Select(b => b.Status));
        Assert.Contains("address in use", run.Benchmarks[0].Reason, StringComparison.Ordinal);
        Assert.Equal("skipped: apt-get install gamma", run.Benchmarks[2].Reason);
        Assert.Equal(4, run.Benchmarks[1].Variations.Count);
    }

    [Fact]
    public async Task An_unexpected_error_fails_only_its_benchmark_and_keeps_what_it_measured()
    {
        var plan = RunPlans.For(_servers, _output, 1, "alpha", "beta");
        var load = new FakeLoad((_, call, _) => call == 1 ? throw new HttpRequestException("the Docker engine went away") : FakeLoad.Result(1000));

        var run = await new Runner(new FakeRuntime(), load, new SilentObserver(), new MedianSummarizer()).RunAsync(plan, CancellationToken.None);

        Assert.Equal([Status.Failed, Status.Ok], run.Benchmarks.Select(b => b.Status));
        Assert.Equal("unexpected error: HttpRequestException: the Docker engine went away", run.Benchmarks[0].Reason);
        Assert.Single(run.Benchmarks[0].Variations);
        Assert.Equal(RunStatus.Failed, RunJson.Read(_output).Status);
    }

    [Fact]
    public async Task A_payload_mismatch_fails_the_variation_and_is_never_counted()
    {
        var plan = RunPlans.For(_servers, _output, 3, "alpha");
        var load = new FakeLoad((_, call, _) => call == 4 ? FakeLoad.Result(900, "payload mismatch on connection 3") : FakeLoad.Result(1000));

        var run = await new Runner(new FakeRuntime(), load, new SilentObserver(), new MedianSummarizer()).RunAsync(plan, CancellationToken.None);

        var benchmark = Assert.Single(run.Benchmarks);
        Assert.Equal(Status.Failed, benchmark.Status);
        var failed = benchmark.Variations[1];
        Assert.Equal(Status.Failed, failed.Status);
        Assert.Equal("payload mismatch on connection 3", failed.Reason);
        Assert.Single(failed.Runs); // the repeat before the mismatch; the mismatched one is not kept
        Assert.Equal(Status.Ok, benchmark.Variations[2].Status);
    }

    [Fact]
    public async Task A_server_that_dies_mid_run_fails_its_benchmark_with_its_log_and_the_run_goes_on()
    {
        var plan = RunPlans.For(_servers, _output, 1, "alpha", "beta");
        var runtime = new FakeRuntime();
        var load = new FakeLoad((spec, call, _) =>
        {
            if (call == 1)
            {
                runtime.Servers[0].HasExited = true;
            }

            return FakeLoad.Result(1000);
        });

        var run = await new Runner(runtime, load, new SilentObserver(), new MedianSummarizer()).RunAsync(plan, CancellationToken.None);

        Assert.Equal(Status.Failed, run.Benchmarks[0].Status);
        Assert.Contains("exited during the measurement", run.Benchmarks[0].Reason, StringComparison.Ordinal);
        Assert.Contains("fake log line", run.Benchmarks[0].Reason, StringComparison.Ordinal);
        Assert.Equal(2, run.Benchmarks[0].Variations.Count);
        Assert.Equal(Status.Ok, run.Benchmarks[1].Status);
    }

    [Fact]
    public async Task Cancellation_keeps_what_was_measured_and_stops_the_server()
    {
        var plan = RunPlans.For(_servers, _output, 1, "alpha", "beta");
        using var cts = new CancellationTokenSource();
        var runtime = new FakeRuntime();
        var load = new FakeLoad((_, call, _) =>
        {
            if (call == 2)
            {
                cts.Cancel();
                throw new OperationCanceledException(cts.Token);
            }

            return FakeLoad.Result(1000);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Runner(runtime, load, new SilentObserver(), new MedianSummarizer()).RunAsync(plan, cts.Token));

        var saved = RunJson.Read(plan.RunJsonPath);
        Assert.Equal(RunStatus.Cancelled, saved.Status);
        Assert.Equal(2, saved.Benchmarks.Single().Variations.Count);
        Assert.True(Assert.Single(runtime.Servers).Disposed);
    }

    [Fact]
    public async Task Each_server_is_built_once_per_run_however_many_benchmarks_it_has()
    {
        _servers.Add("multi", TempServers.Valid("multi"), "Test.csproj");
        var plan = RunPlans.For(_servers, _output, 1);
        var runtime = new FakeRuntime();

        var run = await new Runner(runtime, new FakeLoad((_, _, _) => FakeLoad.Result(100)), new SilentObserver(), new MedianSummarizer()).RunAsync(plan, CancellationToken.None);

        Assert.Equal(3, run.Benchmarks.Count);
        Assert.Equal(["multi"], runtime.Builds);
    }

    [Fact]
    public async Task Sweep_offers_10_to_120_percent_of_the_closed_loop_peak_and_records_every_step()
    {
        var plan = RunPlans.For(_servers, _output, 1, "alpha");
        plan = plan with { Config = plan.Config with { Sweep = true } };
        var rates = new List<double?>();
        var load = new FakeLoad((spec, _, _) =>
        {
            rates.Add(spec.Rate);
            return FakeLoad.Result(spec.Rate ?? 10_000);
        });

        var run = await new Runner(new FakeRuntime(), load, new SilentObserver(), new MedianSummarizer()).RunAsync(plan, CancellationToken.None);

        var sweep = Assert.Single(run.Benchmarks).Sweep;
        Assert.Equal(Runner.SweepFractions, sweep.Select(s => s.Fraction));
        Assert.Equal([1_000, 2_500, 5_000, 7_500, 9_000, 10_000, 11_000, 12_000], sweep.Select(s => Math.Round(s.OfferedRate)));
        Assert.Equal(4 + 8, rates.Count); // the variations (closed loop), then one constant-rate run per step
        Assert.All(rates.Take(4), r => Assert.Null(r));
        Assert.Equal(8, RunJson.Read(_output).Benchmarks.Single().Sweep.Count);
    }

    public void Dispose()
    {
        _servers.Dispose();
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
