using VmBench.Core.Catalog;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Runtimes;
using VmBench.Core.Running;
using VmBench.Core.Tests.Catalog;
using VmBench.Testing;

namespace VmBench.Core.Tests.Running;

[Trait(Tier.Key, Tier.Fast)]
public sealed class RunnerTests : IDisposable
{
    private readonly TempServers _servers = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "vmbench-runner-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Every_trial_measures_every_cell_once_in_its_own_order_and_run_json_is_written_after_each()
    {
        var plan = RunPlans.For(_servers, _output, 3, "alpha", "beta");
        var seen = new List<int>();
        var load = new FakeLoad((_, call, _) =>
        {
            // What is on disk when a measurement starts: every earlier measurement is already saved.
            seen.Add(RunJson.Read(plan.RunJsonPath).Benchmarks.Sum(b => b.Variations.Sum(v => v.Trials.Count)));
            return FakeLoad.Result(1000 + call);
        });
        var runtime = new FakeRuntime();
        var observer = new RecordingObserver();

        var run = await new Runner(runtime, load, observer, new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(["tcpecho-alpha", "tcpecho-beta"], run.Benchmarks.Select(b => b.Name));
        Assert.All(run.Benchmarks.SelectMany(b => b.Variations), v => Assert.Equal([1, 2, 3], v.Trials.Select(t => t.Trial)));
        Assert.Equal(Enumerable.Range(0, 24), seen);
        var trials = observer.Measurements.Chunk(8).ToArray();
        Assert.Equal(3, trials.Length);
        Assert.All(trials, t => Assert.Equal(8, t.Select(m => m[3..]).Distinct().Count()));
        Assert.NotEqual(trials[0].Select(m => m[3..]), trials[1].Select(m => m[3..]));
        Assert.Equal(2, runtime.Servers.Count); // one server per benchmark, up for the whole run
        Assert.Equal(24, runtime.Servers.Sum(s => s.Measurements)); // each measurement tells its server, so sampling happens only then
        Assert.All(runtime.Servers, s => Assert.True(s.Disposed));
        Assert.Equal([1024, 1024, 10240, 10240], run.Benchmarks[0].Variations.Select(v => v.MessageSize));
        Assert.Equal("1.44.2", RunJson.Read(_output).Environment.NativeLibraries["libuv"]);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_schedule()
    {
        async Task<List<string>> Schedule(int seed)
        {
            var output = _output + "-" + seed + "-" + Guid.NewGuid().ToString("N");
            var plan = RunPlans.For(_servers, output, 2);
            plan = plan with { Config = plan.Config with { Seed = seed } };
            var observer = new RecordingObserver();
            await new Runner(new FakeRuntime(), new FakeLoad((_, _, _) => FakeLoad.Result(100)), observer, new MedianEstimator()).RunAsync(plan, CancellationToken.None);
            Directory.Delete(output, recursive: true);
            return observer.Measurements;
        }

        RunPlans.For(_servers, _output, 2, "alpha", "beta", "gamma");

        Assert.Equal(await Schedule(7), await Schedule(7));
        Assert.NotEqual(await Schedule(7), await Schedule(8));
    }

    [Fact]
    public async Task Each_cell_is_paired_with_the_reference_in_the_same_trial()
    {
        var plan = RunPlans.WithReference(_servers, _output, 3, aa: true, "ref", "fast");
        var load = new FakeLoad((spec, call, _) => FakeLoad.Result(spec.Address.ToString().EndsWith(":1", StringComparison.Ordinal) ? 1000 : 500));
        var runtime = new FakeRuntime { AddressOf = l => l.Benchmark.Role == BenchmarkRole.Reference ? "127.0.0.1:1" : "127.0.0.1:2" };

        var run = await new Runner(runtime, load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        Assert.Equal(["tcpecho-ref", "tcpecho-fast", "tcpecho-ref@aa"], run.Benchmarks.Select(b => b.Name));
        Assert.Equal([BenchmarkRole.Reference, BenchmarkRole.Measured, BenchmarkRole.AaArm], run.Benchmarks.Select(b => b.Role));
        var fast = run.Benchmarks[1].Variations[0].Summary!;
        Assert.Equal("tcpecho-ref", fast.Reference);
        Assert.Equal([0.5, 0.5, 0.5], fast.ReferenceRatios);
        Assert.Equal(0.5, fast.ReferenceRatio!.Median);
        Assert.Null(run.Benchmarks[0].Variations[0].Summary!.ReferenceRatio);
        Assert.Equal("tcpecho-ref", run.Benchmarks[2].Variations[0].Summary!.Reference);
    }

    [Fact]
    public async Task Warm_up_runs_until_the_throughput_is_steady_and_is_recorded()
    {
        var plan = RunPlans.For(_servers, _output, 1, "jit", "never");
        plan = plan with { Config = plan.Config with { DurationSeconds = 2, Warmup = new WarmupPolicy(3, 12, 4, 5) } };
        double[] ramp = [60_000, 80_000, 100_000, 115_000];
        var steps = new Dictionary<string, int>();
        var runtime = new FakeRuntime { AddressOf = l => l.Benchmark.Server.Id == "jit" ? "127.0.0.1:1" : "127.0.0.1:2" };
        var load = new FakeLoad((spec, _, _) =>
        {
            if (spec.Duration != TimeSpan.FromSeconds(1) || spec.Concurrency != 100)
            {
                return FakeLoad.Result(125_000);
            }

            var step = steps[spec.Address.ToString()] = steps.GetValueOrDefault(spec.Address.ToString()) + 1;
            // "jit" ramps up for 4 s as it tiers up, then stays at 125k; "never" alternates by 20 %.
            return FakeLoad.Result(spec.Address.ToString().EndsWith(":1", StringComparison.Ordinal) ? (step <= ramp.Length ? ramp[step - 1] : 125_000) : (step % 2 == 0 ? 100_000 : 120_000));
        });

        var run = await new Runner(runtime, load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        var jit = run.Benchmarks.Single(b => b.Server == "jit");
        Assert.True(jit.Warmup!.Steady);
        Assert.Equal(8, jit.Warmup.Seconds); // the window that still holds the end of the ramp drifts by 7 %: steady once 4 s sit on the plateau
        Assert.All(jit.Variations, v => Assert.False(v.Summary!.Flags.Unsteady));
        var never = run.Benchmarks.Single(b => b.Server == "never");
        Assert.False(never.Warmup!.Steady);
        Assert.Equal(12, never.Warmup.Seconds);
        Assert.All(never.Variations, v => Assert.True(v.Summary!.Flags.Unsteady));
        Assert.Contains("not steady after 12 s", never.Variations[0].Summary!.Flags.UnsteadyReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_measurement_that_trends_is_flagged_unsteady()
    {
        var plan = RunPlans.For(_servers, _output, 1, "alpha");
        plan = plan with { Config = plan.Config with { DurationSeconds = 3 } };
        var load = new FakeLoad((_, call, _) => call == 0 ? FakeLoad.Result(1000, timeline: [800, 1000, 1200]) : FakeLoad.Result(1000, timeline: [1000, 990, 1010]));

        var run = await new Runner(new FakeRuntime(), load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        var cells = run.Benchmarks.Single().Variations;
        var trended = Assert.Single(cells, v => v.Trials[0].TrendPercent is not null);
        Assert.Equal(40, trended.Trials[0].TrendPercent!.Value, 6);
        Assert.Contains("trended +40 %", trended.Summary!.Flags.UnsteadyReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_bound_says_which_side_saturated()
    {
        var plan = RunPlans.For(_servers, _output, 1, "alpha");
        var runtime = new FakeRuntime { ServerCores = 1.0 }; // the server uses a whole CPU during the measurement: saturated
        var load = new FakeLoad((_, _, _) => FakeLoad.Result(1000, clientBound: true));

        var run = await new Runner(runtime, load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        var flags = run.Benchmarks.Single().Variations[0].Summary!.Flags;
        Assert.True(flags.ClientBound);
        Assert.Equal("client and server", flags.Saturated);
    }

    [Fact]
    public async Task A_failed_benchmark_is_recorded_with_its_reason_and_the_others_still_run()
    {
        var plan = RunPlans.For(_servers, _output, 2, "alpha", "beta", "gamma");
        var runtime = new FakeRuntime
        {
            StartFailure = l => l.Benchmark.Server.Id == "alpha" ? ServerStartException.WithLog("the server exited before it was ready", "bind: address in use") : null,
            Build = s => s.Id == "gamma" ? BuildResult.Skipped("skipped: apt-get install gamma") : BuildResult.Built("ok"),
        };
        var load = new FakeLoad((_, _, _) => FakeLoad.Result(500));

        var run = await new Runner(runtime, load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal([Status.Failed, Status.Ok, Status.Skipped], run.Benchmarks.Select(b => b.Status));
        Assert.Contains("address in use", run.Benchmarks[0].Reason, StringComparison.Ordinal);
        Assert.Equal("skipped: apt-get install gamma", run.Benchmarks[2].Reason);
        Assert.All(run.Benchmarks[1].Variations, v => Assert.Equal(2, v.Runs.Count));
    }

    [Fact]
    public async Task An_unexpected_error_fails_only_its_benchmark_and_keeps_what_it_measured()
    {
        var plan = RunPlans.For(_servers, _output, 1, "alpha", "beta");
        var runtime = new FakeRuntime { AddressOf = l => l.Benchmark.Server.Id == "alpha" ? "127.0.0.1:1" : "127.0.0.1:2" };
        var alphaCalls = 0;
        var load = new FakeLoad((spec, _, _) => spec.Address.ToString().EndsWith(":1", StringComparison.Ordinal) && ++alphaCalls == 2 ? throw new HttpRequestException("the Docker engine went away") : FakeLoad.Result(1000));

        var run = await new Runner(runtime, load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        Assert.Equal([Status.Failed, Status.Ok], run.Benchmarks.Select(b => b.Status));
        Assert.Equal("unexpected error: HttpRequestException: the Docker engine went away", run.Benchmarks[0].Reason);
        Assert.Single(run.Benchmarks[0].Variations);
        Assert.Equal(RunStatus.Failed, RunJson.Read(_output).Status);
    }

    [Fact]
    public async Task A_payload_mismatch_fails_the_cell_is_never_counted_and_the_cell_is_not_measured_again()
    {
        var plan = RunPlans.For(_servers, _output, 3, "alpha");
        var load = new FakeLoad((spec, call, _) => spec.MessageSize == 10240 && spec.Concurrency == 10 ? FakeLoad.Result(900, "payload mismatch on connection 3") : FakeLoad.Result(1000));

        var run = await new Runner(new FakeRuntime(), load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        var benchmark = Assert.Single(run.Benchmarks);
        Assert.Equal(Status.Failed, benchmark.Status);
        var failed = benchmark.Variations.Single(v => v.MessageSize == 10240 && v.Concurrency == 10);
        Assert.Equal(Status.Failed, failed.Status);
        Assert.Equal("trial 1: payload mismatch on connection 3", failed.Reason);
        Assert.Single(failed.Trials);
        Assert.Empty(failed.Runs);
        Assert.Null(failed.Summary);
        Assert.All(benchmark.Variations.Where(v => v != failed), v => Assert.Equal(3, v.Runs.Count));
    }

    [Fact]
    public async Task A_server_that_dies_mid_run_fails_its_benchmark_with_its_log_and_the_run_goes_on()
    {
        var plan = RunPlans.For(_servers, _output, 2, "alpha", "beta");
        var runtime = new FakeRuntime { AddressOf = l => l.Benchmark.Server.Id == "alpha" ? "127.0.0.1:1" : "127.0.0.1:2" };
        var alphaCalls = 0;
        var load = new FakeLoad((spec, _, _) =>
        {
            if (spec.Address.ToString().EndsWith(":1", StringComparison.Ordinal) && ++alphaCalls == 3)
            {
                runtime.Servers[0].HasExited = true;
            }

            return FakeLoad.Result(1000);
        });

        var run = await new Runner(runtime, load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        Assert.Equal(Status.Failed, run.Benchmarks[0].Status);
        Assert.Contains("exited during the measurement", run.Benchmarks[0].Reason, StringComparison.Ordinal);
        Assert.Contains("fake log line", run.Benchmarks[0].Reason, StringComparison.Ordinal);
        Assert.Equal(2, run.Benchmarks[0].Variations.Sum(v => v.Runs.Count));
        Assert.Equal(3, run.Benchmarks[0].Variations.Sum(v => v.Trials.Count));
        Assert.Equal(Status.Ok, run.Benchmarks[1].Status);
    }

    [Fact]
    public async Task Cancellation_between_trials_keeps_every_finished_trial_and_stops_every_server()
    {
        var plan = RunPlans.For(_servers, _output, 3, "alpha", "beta");
        using var cts = new CancellationTokenSource();
        var runtime = new FakeRuntime();
        var load = new FakeLoad((_, call, _) =>
        {
            if (call == 8)
            {
                // The first measurement of trial 2: Ctrl-C.
                cts.Cancel();
                throw new OperationCanceledException(cts.Token);
            }

            return FakeLoad.Result(1000);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Runner(runtime, load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, cts.Token));

        var saved = RunJson.Read(plan.RunJsonPath);
        Assert.Equal(RunStatus.Cancelled, saved.Status);
        Assert.All(saved.Benchmarks, b => Assert.Equal(Status.Cancelled, b.Status));
        Assert.All(saved.Benchmarks.SelectMany(b => b.Variations), v => Assert.Equal([1], v.Trials.Select(t => t.Trial)));
        Assert.Equal(8, saved.Benchmarks.Sum(b => b.Variations.Count));
        Assert.All(runtime.Servers, s => Assert.True(s.Disposed));
    }

    [Fact]
    public async Task Each_server_is_built_once_per_run_however_many_benchmarks_it_has()
    {
        _servers.Add("multi", TempServers.Valid("multi"), "Test.csproj");
        var plan = RunPlans.For(_servers, _output, 1);
        var runtime = new FakeRuntime();

        var run = await new Runner(runtime, new FakeLoad((_, _, _) => FakeLoad.Result(100)), new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        Assert.Equal(3, run.Benchmarks.Count);
        Assert.Equal(["multi"], runtime.Builds);
    }

    [Fact]
    public async Task Each_benchmark_records_the_environment_its_manifest_gives_the_server()
    {
        _servers.Add("tuned", TempServers.Valid("tuned", "\"echo\"", "\"tcp\"").Replace(
            "\"build\":", "\"run\": { \"env\": { \"B_SETTING\": \"2\", \"A_SETTING\": \"x y\" } },\n  \"build\":", StringComparison.Ordinal), "Test.csproj");
        var plan = RunPlans.For(_servers, _output, 1, "plain");

        var run = await new Runner(new FakeRuntime(), new FakeLoad((_, _, _) => FakeLoad.Result(500)), new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        var reread = RunJson.Read(_output);
        Assert.Equal(["A_SETTING=x y", "B_SETTING=2"], reread.Benchmarks.Single(b => b.Server == "tuned").ServerEnvironment!.Select(e => $"{e.Key}={e.Value}"));
        Assert.Null(reread.Benchmarks.Single(b => b.Server == "plain").ServerEnvironment);
        Assert.Equal(Status.Ok, run.Benchmarks.Single(b => b.Server == "tuned").Status);
    }

    [Fact]
    public async Task Each_benchmark_records_the_versions_its_server_reports_and_a_failing_command_only_its_error()
    {
        _servers.Add("versioned", TempServers.Valid("versioned", "\"echo\"", "\"tcp\"").Replace(
            "\"build\":", "\"versions\": [ { \"name\": \"rt\", \"command\": [\"{out}/srv\", \"--version\"] }, { \"name\": \"lib\", \"command\": [\"libver\"] } ],\n  \"build\":", StringComparison.Ordinal), "Test.csproj");
        var plan = RunPlans.For(_servers, _output, 1, "plain");
        var runtime = new FakeRuntime
        {
            Configure = server => server.Exec = argv => argv[0] == "libver" ? new CommandOutput(127, "libver: not found") : new CommandOutput(0, "\nrt 9.8.7\nCopyright nobody\n"),
        };

        var run = await new Runner(runtime, new FakeLoad((_, _, _) => FakeLoad.Result(500)), new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        var versions = RunJson.Read(_output).Benchmarks.Single(b => b.Server == "versioned").Versions!;
        Assert.Equal(["rt", "lib"], versions.Select(v => v.Name));
        Assert.Equal("rt 9.8.7", versions[0].Version);
        Assert.Null(versions[0].Error);
        Assert.Equal(["{out}/srv", "--version"], versions[0].Command);
        Assert.Null(versions[1].Version);
        Assert.Equal("exit 127: libver: not found", versions[1].Error);
        Assert.Equal("unknown (exit 127: libver: not found)", versions[1].Text);
        Assert.All(run.Benchmarks, b => Assert.Equal(Status.Ok, b.Status));
        Assert.Null(run.Benchmarks.Single(b => b.Server == "plain").Versions);
    }

    [Fact]
    public async Task A_servers_versions_are_read_once_for_all_its_benchmarks()
    {
        _servers.Add("both", TempServers.Valid("both", "\"echo\", \"readline\"", "\"tcp\", \"unix\"").Replace(
            "\"build\":", "\"versions\": [ { \"name\": \"rt\", \"command\": [\"{out}/srv\", \"--version\"] } ],\n  \"build\":", StringComparison.Ordinal), "Test.csproj");
        var plan = RunPlans.For(_servers, _output, 1);
        var runtime = new FakeRuntime { Configure = server => server.Exec = _ => new CommandOutput(0, "rt 1.2.3") };

        var run = await new Runner(runtime, new FakeLoad((_, _, _) => FakeLoad.Result(500)), new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        Assert.True(run.Benchmarks.Count >= 3);
        Assert.All(run.Benchmarks, b => Assert.Equal("rt 1.2.3", Assert.Single(b.Versions!).Version));
        Assert.Equal(1, runtime.Servers.Sum(s => s.Executed.Count));
    }

    [Fact]
    public async Task Http_has_no_payload_axis_one_cell_per_concurrency_labelled_without_a_size()
    {
        _servers.Add("web", TempServers.Valid("web", "\"echo\", \"http\"", "\"tcp\""), "Test.csproj");
        var plan = RunPlans.For(_servers, _output, 1);
        var sizes = new List<(string Mode, int Size)>();
        var load = new FakeLoad((spec, _, _) =>
        {
            sizes.Add((spec.Mode.ToString(), spec.MessageSize));
            return FakeLoad.Result(1000);
        });

        var run = await new Runner(new FakeRuntime(), load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        var http = run.Benchmarks.Single(b => b.Name == "http-web");
        Assert.Equal(["c=10", "c=100"], http.Variations.Select(v => v.Label));
        Assert.All(http.Variations, v => Assert.Equal(VariationResult.NoPayload, v.MessageSize));
        Assert.Equal(["1 KiB c=10", "1 KiB c=100", "10 KiB c=10", "10 KiB c=100"], run.Benchmarks.Single(b => b.Name == "tcpecho-web").Variations.Select(v => v.Label));
        Assert.Equal(2, sizes.Count(s => s.Mode == "Http"));
        Assert.All(sizes.Where(s => s.Mode == "Http"), s => Assert.Equal(0, s.Size));
    }

    [Fact]
    public async Task Memory_per_connection_is_measured_on_the_fresh_server_from_the_fewest_connections_up()
    {
        var plan = RunPlans.For(_servers, _output, 1, "slow");
        var load = new FakeLoad((_, _, _) => FakeLoad.Result(1000));
        var runtime = new FakeRuntime
        {
            // 1 MiB, and 4 KiB for every connection of the job under way.
            Configure = server => server.Memory = () => (1 << 20) + (4096L * (load.Current?.Concurrency ?? 0)),
        };

        var run = await new Runner(runtime, load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        var memory = run.Benchmarks.Single(b => b.Name == "tcpecho-slow").Memory;
        Assert.NotNull(memory);
        Assert.Equal([10, 100], memory.Select(m => m.Connections));
        Assert.All(memory, m => Assert.Equal(1 << 20, m.BaselineBytes));
        Assert.All(memory, m => Assert.Equal(4096, m.IdleBytesPerConnection));
    }

    [Fact]
    public async Task Without_memory_from_the_runtime_nothing_is_measured_and_no_load_is_spent_on_it()
    {
        var plan = RunPlans.For(_servers, _output, 1, "slow");
        var load = new FakeLoad((_, _, _) => FakeLoad.Result(1000));

        var run = await new Runner(new FakeRuntime(), load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        Assert.Null(run.Benchmarks.Single(b => b.Name == "tcpecho-slow").Memory);
        Assert.Equal(plan.Cells.Count, load.Calls);
    }

    [Fact]
    public async Task Connect_has_one_fixed_small_payload_one_cell_per_concurrency_loaded_as_churn()
    {
        _servers.Add("web", TempServers.Valid("web", "\"echo\"", "\"tcp\""), "Test.csproj");
        var plan = RunPlans.For(_servers, _output, 1) with { Benchmarks = ServerCatalog.Discover(_servers.Root).Benchmarks };
        var specs = new List<LoadSpec>();
        var load = new FakeLoad((spec, _, _) =>
        {
            lock (specs)
            {
                specs.Add(spec);
            }

            return FakeLoad.Result(1000);
        });

        var run = await new Runner(new FakeRuntime(), load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        Assert.Equal(["64 B c=10", "64 B c=100"], run.Benchmarks.Single(b => b.Name == "connect-web").Variations.Select(v => v.Label));
        Assert.Equal(["1 KiB c=10", "1 KiB c=100", "10 KiB c=10", "10 KiB c=100"], run.Benchmarks.Single(b => b.Name == "tcpecho-web").Variations.Select(v => v.Label));
        var churn = specs.Where(s => s.Pattern == LoadPattern.Churn).ToArray();
        Assert.NotEmpty(churn);
        Assert.All(churn, s => Assert.Equal((Mode.Echo, Protocol.ConnectMessageSize, 1), (s.Mode, s.MessageSize, s.MessagesPerRequest)));
        Assert.Equal(4, specs.Count(s => s.Pattern == LoadPattern.Stream && s.Mode == Mode.Echo && s.Warmup == TimeSpan.Zero && s.Duration == plan.Duration));
    }

    [Fact]
    public async Task A_constant_rate_plan_the_server_could_not_keep_up_with_is_not_called_client_bound()
    {
        var plan = RunPlans.For(_servers, _output, 1, "slow");
        plan = plan with { Config = plan.Config with { Rate = 5000 } };
        var load = new FakeLoad((_, _, _) => FakeLoad.Result(3000) with { Client = new ClientUsage(1, 0.4, 10, true, "achieved 3,000 of 5,000 requests/s planned") });
        var runtime = new FakeRuntime { ServerCores = 1 };

        var run = await new Runner(runtime, load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        var flags = run.Benchmarks.Single().Variations[0].Summary!.Flags;
        Assert.True(flags.ClientBound);
        Assert.Equal("server", flags.Saturated);
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

        var run = await new Runner(new FakeRuntime(), load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        var sweep = Assert.Single(run.Benchmarks).Sweep;
        Assert.Equal(Runner.SweepFractions, sweep.Select(s => s.Fraction));
        Assert.Equal([1_000, 2_500, 5_000, 7_500, 9_000, 10_000, 11_000, 12_000], sweep.Select(s => Math.Round(s.OfferedRate)));
        Assert.Equal(4 + 8, rates.Count); // the cells (closed loop), then one constant-rate run per step
        Assert.All(rates.Take(4), r => Assert.Null(r));
        Assert.Equal(8, RunJson.Read(_output).Benchmarks.Single().Sweep.Count);
    }

    [Fact]
    public async Task A_block_hit_by_a_slow_spell_is_measured_again_at_the_end_and_the_old_measurements_are_kept_as_superseded()
    {
        var plan = RunPlans.WithReference(_servers, _output, 4, aa: false, "ref", "a", "b");
        var seen = new Dictionary<(string, int, int), int>();
        var load = new FakeLoad((spec, _, _) =>
        {
            var key = (spec.Address.ToString(), spec.MessageSize, spec.Concurrency);
            var n = seen[key] = seen.GetValueOrDefault(key) + 1;
            // Server a's third measurement at 1 KiB c=10 (trial 3) runs in a slow spell: the client pays 2.5x per request.
            return spec.Address.Host == "a" && spec.MessageSize == 1024 && spec.Concurrency == 10 && n == 3
                ? FakeLoad.Result(400) with { Client = new ClientUsage(1, 0.9, 25, false, null) }
                : FakeLoad.Result(1000);
        });
        var runtime = new FakeRuntime { AddressOf = l => l.Benchmark.Server.Id + ":1" };
        var observer = new RecordingObserver();

        var run = await new Runner(runtime, load, observer, new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        Assert.Equal((3 * 4 * 4) + 3, load.Calls); // every cell in every trial, then the one block again (its three servers)
        var block = run.Benchmarks.Select(b => b.Variations.Single(v => v.MessageSize == 1024 && v.Concurrency == 10)).ToArray();
        Assert.All(block, v =>
        {
            var superseded = Assert.Single(v.Superseded);
            Assert.Equal(3, superseded.Trial.Trial);
            Assert.Contains("tcpecho-a 1 KiB c=10 cost the load client 2.5x", superseded.Reason, StringComparison.Ordinal);
            Assert.Equal([1, 2, 3, 4], v.Trials.Select(t => t.Trial));
            Assert.All(v.Trials, t => Assert.Equal(1000, t.Result.RequestsPerSecond));
            Assert.DoesNotContain("median CPU per request", v.Summary!.Flags.UnsteadyReason, StringComparison.Ordinal);
        });
        Assert.Equal(400, block[1].Superseded[0].Trial.Result.RequestsPerSecond);
        Assert.Equal([1.0, 1.0, 1.0, 1.0], block[1].Summary!.ReferenceRatios);
        Assert.All(run.Benchmarks.SelectMany(b => b.Variations).Except(block), v => Assert.Empty(v.Superseded));
        Assert.Single(RunJson.Read(_output).Benchmarks[1].Variations.Single(v => v.MessageSize == 1024 && v.Concurrency == 10).Superseded);
        Assert.Contains(observer.Notes, n => n.StartsWith("measuring 1 block(s) of cells again", StringComparison.Ordinal));
        Assert.Equal(["3: tcpecho-a 1 KiB c=10", "3: tcpecho-b 1 KiB c=10", "3: tcpecho-ref 1 KiB c=10"], observer.Measurements.TakeLast(3).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task With_remeasure_0_nothing_is_measured_again_and_the_slow_trial_stays_flagged()
    {
        var plan = RunPlans.For(_servers, _output, 4, "a");
        plan = plan with { Config = plan.Config with { RemeasureBlocks = 0 } };
        var load = new FakeLoad((spec, call, _) => call == 0 ? FakeLoad.Result(400) with { Client = new ClientUsage(1, 0.9, 25, false, null) } : FakeLoad.Result(1000));

        var run = await new Runner(new FakeRuntime(), load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        Assert.Equal(16, load.Calls);
        Assert.All(run.Benchmarks.Single().Variations, v => Assert.Empty(v.Superseded));
        var flagged = Assert.Single(run.Benchmarks.Single().Variations, v => v.Summary!.Flags.UnsteadyReason!.Contains("median CPU", StringComparison.Ordinal));
        Assert.Contains("cost the client 2.5x the median CPU per request", flagged.Summary!.Flags.UnsteadyReason, StringComparison.Ordinal);
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
