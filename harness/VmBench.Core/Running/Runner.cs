using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Runtimes;

namespace VmBench.Core.Running;

/// <summary>
/// Orchestrates one run: for each benchmark build, start, warm up, measure every variation and
/// stop; run.json is rewritten after every variation, so a crash or Ctrl-C loses nothing
/// already measured. It never asks which runtime it has.
/// </summary>
public sealed class Runner
{
    private readonly IServerRuntime _runtime;
    private readonly ILoadGenerator _load;
    private readonly IRunObserver _observer;
    private readonly IVariationSummarizer _summarizer;
    private readonly Dictionary<string, BuildResult> _builds = new(StringComparer.Ordinal);

    public Runner(IServerRuntime runtime, ILoadGenerator load, IRunObserver observer, IVariationSummarizer summarizer)
    {
        _runtime = runtime;
        _load = load;
        _observer = observer;
        _summarizer = summarizer;
    }

    /// <summary>Runs the plan. On cancellation, the partial run.json is written with status cancelled and the exception propagates.</summary>
    public async Task<RunResult> RunAsync(RunPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var results = new List<BenchmarkResult>();
        var run = new RunResult(
            RunResult.CurrentSchemaVersion,
            RunResult.ToolName,
            DateTimeOffset.UtcNow,
            RunStatus.Running,
            plan.CommandLine,
            _runtime.Name,
            _runtime.Describe(),
            plan.Environment,
            plan.Config,
            results);
        RunJson.Write(plan.RunJsonPath, run);
        _observer.RunStarting(plan, _runtime.Name);

        var addresses = new AddressAllocator(Path.Combine(Path.GetTempPath(), $"vmbench-sockets-{Environment.ProcessId}"));
        var status = RunStatus.Completed;
        BenchmarkResult? current = null;
        try
        {
            for (var i = 0; i < plan.Benchmarks.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var benchmark = plan.Benchmarks[i];
                _observer.BenchmarkStarting(benchmark, i, plan.Benchmarks.Count, plan.Estimate(plan.Benchmarks.Count - i));
                current = Describe(benchmark, Status.Cancelled, "cancelled before it finished (Ctrl-C)", [], []);
                BenchmarkResult result;
                try
                {
                    result = await RunBenchmarkAsync(plan, benchmark, addresses, (variations, sweep) => current = Save(plan, run, results, benchmark, variations, sweep), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One benchmark's unexpected failure (an engine gone, a runtime bug) is that benchmark's, not the run's:
                    // record it with what was measured, and go on with the next one.
                    result = current! with { Status = Status.Failed, Reason = $"unexpected error: {ex.GetType().Name}: {ex.Message}" };
                }

                current = null;
                results.Add(result);
                RunJson.Write(plan.RunJsonPath, run with { Benchmarks = results.ToArray() });
                _observer.BenchmarkFinished(result);
            }
        }
        catch (OperationCanceledException)
        {
            status = RunStatus.Cancelled;
            if (current is not null)
            {
                results.Add(current);
            }

            throw;
        }
        finally
        {
            if (status != RunStatus.Cancelled && results.Any(r => r.Status == Status.Failed))
            {
                status = RunStatus.Failed;
            }

            run = run with { Status = status, Benchmarks = results.ToArray() };
            RunJson.Write(plan.RunJsonPath, run);
            _observer.RunFinished(run);
            TryDeleteDirectory(addresses.SocketDirectory);
        }

        return run;
    }

    /// <summary>Saves the finished benchmarks plus the current one's variations so far; returns the current one as it would be recorded if cancelled now.</summary>
    private static BenchmarkResult Save(RunPlan plan, RunResult run, List<BenchmarkResult> done, Benchmark current, IReadOnlyList<VariationResult> variations, IReadOnlyList<SweepStep> sweep)
    {
        var partial = Describe(current, Status.Cancelled, "cancelled before it finished (Ctrl-C); the variations listed were measured", variations.ToArray(), sweep.ToArray());
        RunJson.Write(plan.RunJsonPath, run with { Benchmarks = [.. done, partial with { Status = Status.Ok, Reason = null }] });
        return partial;
    }

    private async Task<BenchmarkResult> RunBenchmarkAsync(RunPlan plan, Benchmark benchmark, AddressAllocator addresses, Action<IReadOnlyList<VariationResult>, IReadOnlyList<SweepStep>> save, CancellationToken cancellationToken)
    {
        if (!_builds.TryGetValue(benchmark.Server.Id, out var build))
        {
            build = await _runtime.BuildAsync(benchmark.Server, cancellationToken).ConfigureAwait(false);
            _builds[benchmark.Server.Id] = build;
            _observer.Note(benchmark, build.Message);
        }

        if (build.Status == BuildStatus.Skipped)
        {
            return Describe(benchmark, Status.Skipped, build.Message, [], []);
        }

        if (!build.Usable)
        {
            return Describe(benchmark, Status.Failed, build.Message, [], []);
        }

        var variations = new List<VariationResult>();
        var sweep = new List<SweepStep>();
        try
        {
            var launch = new ServerLaunch(benchmark, addresses.Allocate(benchmark.Protocol.Address, benchmark.Name), plan.Config.ServerCpus, TimeSpan.FromSeconds(plan.Config.ReadyTimeoutSeconds));
            var server = await _runtime.StartAsync(launch, cancellationToken).ConfigureAwait(false);
            await using (server.ConfigureAwait(false))
            {
                if (plan.Warmup > TimeSpan.Zero)
                {
                    var warm = await WarmUpAsync(plan, benchmark, server, cancellationToken).ConfigureAwait(false);
                    if (warm is not null)
                    {
                        return Describe(benchmark, Status.Failed, warm, variations, []);
                    }
                }

                foreach (var (size, concurrency) in plan.Variations)
                {
                    var variation = await MeasureAsync(plan, benchmark, server, size, concurrency, cancellationToken).ConfigureAwait(false);
                    variations.Add(variation);
                    save(variations, sweep);
                    _observer.VariationFinished(benchmark, variation);
                    if (server.HasExited)
                    {
                        return Describe(benchmark, Status.Failed, variation.Reason ?? ServerGone(server), variations, []);
                    }
                }

                if (plan.Config.Sweep)
                {
                    var failure = await SweepAsync(plan, benchmark, server, variations, sweep, () => save(variations, sweep), cancellationToken).ConfigureAwait(false);
                    if (failure is not null)
                    {
                        return Describe(benchmark, Status.Failed, failure, variations, sweep);
                    }
                }

                var exit = await server.StopAsync(cancellationToken).ConfigureAwait(false);
                if (exit is not (null or 0 or 143))
                {
                    _observer.Note(benchmark, $"the server exited with code {exit} on SIGTERM (the contract asks for 0)");
                }
            }
        }
        catch (ServerStartException ex)
        {
            return Describe(benchmark, Status.Failed, ex.Message, variations, []);
        }

        var failed = variations.FirstOrDefault(v => v.Status == Status.Failed);
        return Describe(benchmark, failed is null ? Status.Ok : Status.Failed, failed is null ? null : $"{failed.Label}: {failed.Reason}", variations, sweep);
    }

    /// <summary>
    /// Latency against offered load: the closed-loop peak at the first payload and the highest
    /// concurrency, then constant-rate steps from 10 % to 120 % of it. Returns a failure or null.
    /// </summary>
    private async Task<string?> SweepAsync(RunPlan plan, Benchmark benchmark, IRunningServer server, IReadOnlyList<VariationResult> variations, List<SweepStep> steps, Action save, CancellationToken cancellationToken)
    {
        var size = plan.Config.Sizes[0];
        var concurrency = plan.Config.Concurrency.Max();
        var closedLoop = Spec(plan, benchmark, server, size, concurrency) with { Rate = null };
        var peak = plan.Config.Rate is null
            ? variations.FirstOrDefault(v => v.MessageSize == size && v.Concurrency == concurrency && v.Summary is not null)?.Summary!.RequestsPerSecond.Median
            : null;
        if (peak is null)
        {
            _observer.Note(benchmark, $"sweep: measuring the closed-loop peak at {VariationResult.SizeLabel(size)} c={concurrency}");
            var measured = await _load.RunAsync(closedLoop, null, cancellationToken).ConfigureAwait(false);
            if (measured.Failure is not null || server.HasExited)
            {
                return "sweep: " + (measured.Failure ?? ServerGone(server));
            }

            peak = measured.RequestsPerSecond;
        }

        _observer.Note(benchmark, $"sweep: closed-loop peak {peak:N0} req/s; constant-rate steps {string.Join(", ", SweepFractions.Select(f => $"{f:P0}"))}");
        foreach (var fraction in SweepFractions)
        {
            var rate = Math.Max(1, peak.Value * fraction);
            _observer.VariationStarting(benchmark, $"sweep {fraction:P0} ({rate:N0} req/s)", 1, 1);
            var result = await _load.RunAsync(closedLoop with { Rate = rate }, new Progress<LoadProgress>(p => _observer.LoadProgress(benchmark, p)), cancellationToken).ConfigureAwait(false);
            if (result.Failure is not null || server.HasExited)
            {
                return $"sweep at {fraction:P0}: " + (result.Failure ?? ServerGone(server));
            }

            steps.Add(new SweepStep(fraction, rate, result));
            save();
            var latency = result.CorrectedLatency ?? result.Latency;
            _observer.Note(benchmark, $"sweep {fraction,5:P0}: offered {rate,10:N0} achieved {result.RequestsPerSecond,10:N0} req/s  p50 {latency.P50:0.###} ms  p99 {latency.P99:0.###} ms  p99.9 {latency.P999:0.###} ms");
        }

        return null;
    }

    /// <summary>The sweep's offered loads, as fractions of the closed-loop peak: past 100 % to show the knee.</summary>
    public static IReadOnlyList<double> SweepFractions { get; } = [0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 1.1, 1.2];

    private async Task<string?> WarmUpAsync(RunPlan plan, Benchmark benchmark, IRunningServer server, CancellationToken cancellationToken)
    {
        _observer.Note(benchmark, $"warming up for {plan.Warmup.TotalSeconds:0.#} s at c={plan.Config.Concurrency.Max()}");
        var spec = Spec(plan, benchmark, server, plan.Config.Sizes[0], plan.Config.Concurrency.Max()) with { Duration = plan.Warmup, Warmup = TimeSpan.Zero };
        var progress = new Progress<LoadProgress>(p => _observer.LoadProgress(benchmark, p with { WarmingUp = true }));
        var result = await _load.RunAsync(spec, progress, cancellationToken).ConfigureAwait(false);
        if (server.HasExited)
        {
            return "during warm-up: " + ServerGone(server);
        }

        return result.Failure is null ? null : "during warm-up: " + result.Failure;
    }

    private async Task<VariationResult> MeasureAsync(RunPlan plan, Benchmark benchmark, IRunningServer server, int size, int concurrency, CancellationToken cancellationToken)
    {
        var runs = new List<LoadResult>();
        var spec = Spec(plan, benchmark, server, size, concurrency);
        var before = await server.ReadUsageAsync(cancellationToken).ConfigureAwait(false);
        string? failure = null;
        for (var repeat = 0; repeat < plan.Config.Repeat && failure is null; repeat++)
        {
            _observer.VariationStarting(benchmark, $"{VariationResult.SizeLabel(size)} c={concurrency}", repeat + 1, plan.Config.Repeat);
            var progress = new Progress<LoadProgress>(p => _observer.LoadProgress(benchmark, p));
            var result = await _load.RunAsync(spec, progress, cancellationToken).ConfigureAwait(false);
            if (server.HasExited)
            {
                failure = ServerGone(server);
            }
            else if (result.Failure is not null)
            {
                failure = result.Failure;
            }
            else
            {
                runs.Add(result);
            }
        }

        var after = await server.ReadUsageAsync(cancellationToken).ConfigureAwait(false);
        var usage = before is null || after is null ? null : new ResourceUsage(after.CpuSeconds - before.CpuSeconds, after.MemoryBytes, after.PeakMemoryBytes);
        var summary = runs.Count == 0 ? null : _summarizer.Summarize(runs);
        return new VariationResult(concurrency, size, failure is null ? Status.Ok : Status.Failed, failure, runs, summary, usage);
    }

    private static LoadSpec Spec(RunPlan plan, Benchmark benchmark, IRunningServer server, int size, int concurrency) =>
        new(
            server.Address,
            benchmark.Protocol.Mode,
            size,
            concurrency,
            benchmark.Protocol.Mode == Mode.Readline ? plan.Config.MessagesPerRequest : 1,
            plan.Duration,
            TimeSpan.Zero,
            plan.Config.Rate);

    private static string ServerGone(IRunningServer server) =>
        ServerStartException.WithLog("the server exited during the measurement", server.LogTail()).Message;

    private static BenchmarkResult Describe(Benchmark benchmark, Status status, string? reason, IReadOnlyList<VariationResult> variations, IReadOnlyList<SweepStep> sweep) =>
        new(
            benchmark.Name,
            benchmark.Server.Id,
            benchmark.Server.Title,
            benchmark.Server.Loop,
            benchmark.Server.Language,
            benchmark.Protocol.Prefix,
            status,
            reason,
            variations.ToArray(),
            sweep,
            benchmark.Server.Run.Environment.Count == 0 ? null : new SortedDictionary<string, string>(benchmark.Server.Run.Environment.ToDictionary(), StringComparer.Ordinal));

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a socket folder in /tmp is harmless.
        }
    }
}
