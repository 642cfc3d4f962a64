using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Runtimes;

namespace VmBench.Core.Running;

/// <summary>
/// Orchestrates one run in randomized interleaved trials: build every server, start each and warm it up until
/// steady, then run the trials (every cell once per trial, a fresh seeded order each time) with every server up,
/// then the optional sweep, then stop. Servers stay up between their cells: an idle echo server costs nothing,
/// and a restart would throw away the steady state its warm-up reached. What is measured goes to the
/// <see cref="RunJournal"/>, which owns run.json. The Runner never asks which runtime it has.
/// </summary>
public sealed class Runner
{
    private readonly IServerRuntime _runtime;
    private readonly ILoadGenerator _load;
    private readonly IRunObserver _observer;
    private readonly IEstimator _estimator;

    /// <summary>The run's certificate and key while it runs a TLS benchmark (<see cref="TlsCredentials"/>); null otherwise.</summary>
    private TlsCredentials? _tls;

    public Runner(IServerRuntime runtime, ILoadGenerator load, IRunObserver observer, IEstimator estimator)
    {
        _runtime = runtime;
        _load = load;
        _observer = observer;
        _estimator = estimator;
    }

    /// <summary>The sweep's offered loads, as fractions of the closed-loop peak: past 100 % to show the knee.</summary>
    public static IReadOnlyList<double> SweepFractions { get; } = [0.1, 0.25, 0.5, 0.75, 0.9, 1.0, 1.1, 1.2];

    /// <summary>Runs the plan. On cancellation, the partial run.json is written with status cancelled and the exception propagates.</summary>
    public async Task<RunResult> RunAsync(RunPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var header = new RunResult(
            RunResult.CurrentSchemaVersion,
            RunResult.ToolName,
            DateTimeOffset.UtcNow,
            RunStatus.Running,
            plan.CommandLine,
            _runtime.Name,
            _runtime.Describe(),
            plan.Environment,
            plan.Config,
            []);
        var journal = new RunJournal(plan, header, new CellSummarizer(_estimator), m => _observer.Note(null, "warning: " + m));
        _observer.RunStarting(plan, _runtime.Name);
        if (OpenFileLimit.Ensure(OpenFileLimit.Needed(plan.Config.Concurrency.Max())) is { } limit)
        {
            _observer.Note(null, $"warning: {limit}; the cells with that many connections will fail");
        }
        var addresses = new AddressAllocator(Path.Combine(Path.GetTempPath(), $"vmbench-sockets-{Environment.ProcessId}"));
        var servers = new Dictionary<Benchmark, IRunningServer>();
        var status = RunStatus.Completed;
        using var tls = _tls = plan.Benchmarks.Any(b => b.Protocol.IsTls) ? TlsCredentials.Create(DateTimeOffset.UtcNow) : null;
        tls?.CopyCertificateTo(plan.Config.Output);
        try
        {
            await BuildAllAsync(plan, journal, cancellationToken).ConfigureAwait(false);
            await StartAllAsync(plan, journal, servers, addresses, cancellationToken).ConfigureAwait(false);
            await TrialsAsync(plan, journal, servers, cancellationToken).ConfigureAwait(false);
            await RemeasureAsync(plan, journal, servers, cancellationToken).ConfigureAwait(false);
            if (plan.Config.Sweep)
            {
                foreach (var (benchmark, server) in servers.Where(s => !journal.IsOut(s.Key)).ToArray())
                {
                    await GuardAsync(journal, benchmark, () => SweepAsync(plan, journal, benchmark, server, cancellationToken)).ConfigureAwait(false);
                }
            }

            foreach (var (benchmark, server) in servers.Where(s => !s.Value.HasExited))
            {
                var exit = await server.StopAsync(cancellationToken).ConfigureAwait(false);
                if (exit is not (null or 0 or 143))
                {
                    _observer.Note(benchmark, $"{benchmark.Name}: the server exited with code {exit} on SIGTERM (the contract asks for 0)");
                }
            }
        }
        catch (OperationCanceledException)
        {
            status = RunStatus.Cancelled;
            throw;
        }
        finally
        {
            foreach (var server in servers.Values)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }

            var run = journal.Finish(status);
            _observer.RunFinished(run);
            TryDeleteDirectory(addresses.SocketDirectory);
            _tls = null;
        }

        return journal.Current;
    }

    private async Task BuildAllAsync(RunPlan plan, RunJournal journal, CancellationToken cancellationToken)
    {
        foreach (var group in plan.Benchmarks.GroupBy(b => b.Server.Id))
        {
            var server = group.First().Server;
            BuildResult build;
            try
            {
                build = await _runtime.BuildAsync(server, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                build = BuildResult.Failed($"{server.Id}: {Unexpected(ex)}");
            }

            _observer.Note(group.First(), build.Message);
            if (!build.Usable)
            {
                foreach (var benchmark in group)
                {
                    Conclude(journal, benchmark, build.Status == BuildStatus.Skipped ? Status.Skipped : Status.Failed, build.Message);
                }
            }
        }
    }

    private async Task StartAllAsync(RunPlan plan, RunJournal journal, Dictionary<Benchmark, IRunningServer> servers, AddressAllocator addresses, CancellationToken cancellationToken)
    {
        var startable = plan.Benchmarks.Where(b => !journal.IsOut(b)).ToArray();
        var versions = new Dictionary<string, IReadOnlyList<RuntimeVersion>>(StringComparer.Ordinal);
        for (var i = 0; i < startable.Length; i++)
        {
            var benchmark = startable[i];
            _observer.ServerStarting(benchmark, i, startable.Length);
            await GuardAsync(journal, benchmark, async () =>
            {
                var launch = new ServerLaunch(benchmark, addresses.Allocate(benchmark.Protocol.Address, benchmark.Name), plan.Config.ServerCpus, TimeSpan.FromSeconds(plan.Config.ReadyTimeoutSeconds), plan.Config.Concurrency.Max(), benchmark.Protocol.IsTls ? _tls?.Server : null);
                var server = await _runtime.StartAsync(launch, cancellationToken).ConfigureAwait(false);
                servers[benchmark] = server;
                if (benchmark.Server.Versions.Count > 0)
                {
                    // One server's benchmarks (tcpecho, unixecho, readline) run the same build: its versions are read once.
                    if (!versions.TryGetValue(benchmark.Server.Id, out var read))
                    {
                        versions[benchmark.Server.Id] = read = await VersionReader.ReadAsync(server, benchmark.Server.Versions, cancellationToken).ConfigureAwait(false);
                    }

                    journal.Versioned(benchmark, read);
                }

                if (await MemoryLadderAsync(plan, journal, benchmark, server, cancellationToken).ConfigureAwait(false) is { } failure)
                {
                    if (server.HasExited)
                    {
                        Conclude(journal, benchmark, Status.Failed, "while measuring memory per connection: " + failure);
                        return;
                    }

                    // The cells with that many connections will say it again, each in its trials; the others are measured.
                    _observer.Note(benchmark, $"{benchmark.Name}: memory per connection measured up to the level before: {failure}");
                }

                if (plan.Config.Warmup.Enabled)
                {
                    var policy = plan.Config.Warmup;
                    _observer.Note(benchmark, FormattableString.Invariant($"{benchmark.Name}: warming up until steady (the last {policy.WindowSeconds} s within {policy.MaxCvPercent} %; {policy.MinSeconds}-{policy.MaxSeconds} s)"));
                    var warmup = await WarmUpAsync(plan, benchmark, server, cancellationToken).ConfigureAwait(false);
                    if (warmup.Failure is not null)
                    {
                        Conclude(journal, benchmark, Status.Failed, "during warm-up: " + warmup.Failure);
                        return;
                    }

                    journal.Warmed(benchmark, warmup.Result!);
                    _observer.WarmupFinished(benchmark, warmup.Result!);
                }
            }).ConfigureAwait(false);
        }
    }

    private async Task TrialsAsync(RunPlan plan, RunJournal journal, Dictionary<Benchmark, IRunningServer> servers, CancellationToken cancellationToken)
    {
        var cells = plan.Cells;
        for (var trial = 1; trial <= plan.Config.Trials; trial++)
        {
            var order = TrialSchedule.Order(cells, plan.Config.Seed, trial).Where(c => servers.ContainsKey(c.Benchmark)).ToArray();
            var left = order.Count(c => !journal.IsOut(c)) * (plan.Config.Trials - trial + 1);
            _observer.TrialStarting(trial, plan.Config.Trials, plan.Estimate(0, left, servers.Count));
            for (var position = 0; position < order.Length; position++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var cell = order[position];
                if (journal.IsOut(cell))
                {
                    continue;
                }

                _observer.MeasurementStarting(cell, trial, position + 1, order.Length);
                await GuardAsync(journal, cell.Benchmark, () => MeasureAsync(plan, journal, cell, trial, position + 1, servers[cell.Benchmark], null, cancellationToken)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Measures again, once, the blocks whose trial ran during a slow spell of the machine (<see cref="SlowBlocks"/>).</summary>
    private async Task RemeasureAsync(RunPlan plan, RunJournal journal, Dictionary<Benchmark, IRunningServer> servers, CancellationToken cancellationToken)
    {
        var cells = plan.Cells.Where(c => servers.ContainsKey(c.Benchmark) && !journal.IsOut(c)).ToArray();
        var repairs = SlowBlocks.Plan(cells, journal.Trials, plan.Config.Seed, plan.RemeasureLimit);
        if (repairs.Count == 0)
        {
            return;
        }

        _observer.Note(null, FormattableString.Invariant($"measuring {repairs.Count} block(s) of cells again (at most {plan.RemeasureLimit}): a cell of each cost the load client {SlowTrials.CpuSwing}x or more its usual CPU per request, a slow spell of the machine"));
        foreach (var repair in repairs)
        {
            _observer.Note(null, repair.Reason);
            for (var position = 0; position < repair.Cells.Count; position++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var cell = repair.Cells[position];
                if (journal.IsOut(cell))
                {
                    continue;
                }

                _observer.MeasurementStarting(cell, repair.Trial, position + 1, repair.Cells.Count);
                await GuardAsync(journal, cell.Benchmark, () => MeasureAsync(plan, journal, cell, repair.Trial, position + 1, servers[cell.Benchmark], repair.Reason, cancellationToken)).ConfigureAwait(false);
            }
        }
    }

    /// <param name="supersedes">Set when the cell's trial is measured again: why; the new measurement takes the old one's place.</param>
    private async Task MeasureAsync(RunPlan plan, RunJournal journal, Cell cell, int trial, int position, IRunningServer server, string? supersedes, CancellationToken cancellationToken)
    {
        var spec = Spec(plan, cell.Benchmark, server, cell.Size, cell.Concurrency) with { Warmup = plan.CellWarmup };
        WindowUsage? usage;
        LoadResult result;
        DateTimeOffset started;
        await using (var window = await server.BeginMeasurementAsync(cancellationToken).ConfigureAwait(false))
        {
            started = DateTimeOffset.UtcNow;
            var progress = new Progress<LoadProgress>(p => _observer.LoadProgress(cell.Benchmark, p));
            result = await _load.RunAsync(spec, progress, cancellationToken).ConfigureAwait(false);
            usage = await window.EndAsync(cancellationToken).ConfigureAwait(false);
        }

        if (result.Failure is not null)
        {
            // A server that crashed ends its connections before its exit is seen: give the exit a moment to show, so
            // the reason is the server's own (its exit and log), not the lost connection it caused.
            for (var waited = 0; waited < 20 && !server.HasExited; waited++)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }

        if (server.HasExited)
        {
            result = result with { Failure = ServerGone(server) };
        }

        var cpus = Placeholders.CpuCount(plan.Config.ServerCpus);
        var cores = usage is { Seconds: > 0 } ? usage.Cores : (double?)null;
        var perRequest = cores is { } c && result.Requests > 0 ? c * result.Seconds * 1e6 / result.Requests : (double?)null;
        var fullSeconds = result.Timeline.Where(s => s.Second < (int)plan.Config.DurationSeconds).Select(s => s.RequestsPerSecond).ToArray();
        var measured = new TrialResult(trial, position, started, result, cores / cpus, perRequest, usage?.PeakMemoryBytes, result.Succeeded ? SteadyState.Trend(fullSeconds) : null);
        if (supersedes is null)
        {
            journal.Measured(cell, measured);
        }
        else
        {
            journal.Remeasured(cell, measured, supersedes);
        }

        _observer.MeasurementFinished(cell, measured, journal.Cell(cell));
        if (server.HasExited)
        {
            Conclude(journal, cell.Benchmark, Status.Failed, $"{cell.Label}, trial {trial}: {result.Failure}");
        }
    }

    /// <summary>
    /// What connections cost the fresh server, before its warm-up: its memory now (the baseline), then for each
    /// concurrency from the fewest up, a short closed-loop job on that many connections, memory read once they are
    /// open and idle and again halfway through the load. From the fewest up, so what one level leaves allocated
    /// is small beside what the next needs. Null, or why the server failed a level (the levels above are not tried).
    /// </summary>
    private async Task<string?> MemoryLadderAsync(RunPlan plan, RunJournal journal, Benchmark benchmark, IRunningServer server, CancellationToken cancellationToken)
    {
        if (!benchmark.Protocol.HoldsConnections || await MemoryProbe.ReadAsync(server, cancellationToken).ConfigureAwait(false) is not { } baseline)
        {
            return null;
        }

        var size = plan.VariationsOf(benchmark).First().Size;
        foreach (var concurrency in plan.Config.Concurrency.Order())
        {
            var spec = Spec(plan, benchmark, server, size, concurrency) with { Duration = MemoryProbe.LoadTime, Warmup = TimeSpan.Zero, Rate = null };
            var probe = new MemoryProbe(server, concurrency, baseline);
            var result = await _load.RunAsync(spec, null, probe.ConnectedAsync, cancellationToken).ConfigureAwait(false);
            if (server.HasExited)
            {
                return ServerGone(server);
            }

            if (result.Failure is not null)
            {
                return $"{concurrency} connections: {result.Failure}";
            }

            journal.MemoryMeasured(benchmark, await probe.EndAsync().ConfigureAwait(false));
        }

        return null;
    }

    /// <summary>One-second closed-loop steps at the first size and the highest concurrency (at most the protocol's <see cref="Protocol.WarmupConnections"/>) until the last window is steady, or the maximum time.</summary>
    private async Task<(WarmupResult? Result, string? Failure)> WarmUpAsync(RunPlan plan, Benchmark benchmark, IRunningServer server, CancellationToken cancellationToken)
    {
        var policy = plan.Config.Warmup;
        var spec = Spec(plan, benchmark, server, plan.VariationsOf(benchmark).First().Size, Math.Min(plan.Config.Concurrency.Max(), benchmark.Protocol.WarmupConnections)) with { Duration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.Zero, Rate = null };
        var series = new List<double>();
        var total = TimeSpan.FromSeconds(policy.MaxSeconds);
        var steady = false;
        while (!steady && series.Count < policy.MaxSeconds)
        {
            var elapsed = TimeSpan.FromSeconds(series.Count);
            var progress = new Progress<LoadProgress>(p => _observer.LoadProgress(benchmark, p with { WarmingUp = true, Elapsed = elapsed + p.Elapsed, Total = total }));
            var result = await _load.RunAsync(spec, progress, cancellationToken).ConfigureAwait(false);
            if (server.HasExited)
            {
                return (null, ServerGone(server));
            }

            if (result.Failure is not null)
            {
                return (null, result.Failure);
            }

            series.Add(result.RequestsPerSecond);
            steady = SteadyState.IsSteady(series, policy);
        }

        var window = SteadyState.Window(series, policy.WindowSeconds);
        return (new WarmupResult(series.Count, steady, series.ToArray(), window?.Cv, window?.Drift), null);
    }

    /// <summary>
    /// Latency against offered load: the closed-loop peak at the first payload and the highest concurrency (the
    /// median over the trials), then constant-rate steps from 10 % to 120 % of it.
    /// </summary>
    private async Task SweepAsync(RunPlan plan, RunJournal journal, Benchmark benchmark, IRunningServer server, CancellationToken cancellationToken)
    {
        var size = plan.VariationsOf(benchmark).First().Size;
        var concurrency = plan.Config.Concurrency.Max();
        var closedLoop = Spec(plan, benchmark, server, size, concurrency) with { Rate = null };
        var peak = plan.Config.Rate is null ? journal.Cell(new Cell(benchmark, size, concurrency)).Summary?.RequestsPerSecond.Median : null;
        if (peak is null)
        {
            _observer.Note(benchmark, $"{benchmark.Name} sweep: measuring the closed-loop peak at {VariationResult.LabelOf(size, concurrency)}");
            var measured = await _load.RunAsync(closedLoop, null, cancellationToken).ConfigureAwait(false);
            if (measured.Failure is not null || server.HasExited)
            {
                Conclude(journal, benchmark, Status.Failed, "sweep: " + (measured.Failure ?? ServerGone(server)));
                return;
            }

            peak = measured.RequestsPerSecond;
        }

        _observer.Note(benchmark, $"{benchmark.Name} sweep: closed-loop peak {peak:N0} req/s; constant-rate steps {string.Join(", ", SweepFractions.Select(f => $"{f:P0}"))}");
        foreach (var fraction in SweepFractions)
        {
            var rate = Math.Max(1, peak.Value * fraction);
            var result = await _load.RunAsync(closedLoop with { Rate = rate }, new Progress<LoadProgress>(p => _observer.LoadProgress(benchmark, p)), cancellationToken).ConfigureAwait(false);
            if (result.Failure is not null || server.HasExited)
            {
                Conclude(journal, benchmark, Status.Failed, $"sweep at {fraction:P0}: " + (result.Failure ?? ServerGone(server)));
                return;
            }

            var step = new SweepStep(fraction, rate, result);
            journal.Swept(benchmark, step);
            var latency = result.CorrectedLatency ?? result.Latency;
            _observer.Note(benchmark, $"{benchmark.Name} sweep {fraction,5:P0}: offered {rate,10:N0} achieved {result.RequestsPerSecond,10:N0} req/s  p50 {latency.P50:0.###} ms  p99 {latency.P99:0.###} ms  p99.9 {latency.P999:0.###} ms  [{step.OutcomeText}]");
        }
    }

    /// <summary>Runs one step of one benchmark; a failure to start, or an unexpected error (an engine gone, a runtime bug), is that benchmark's, not the run's.</summary>
    private async Task GuardAsync(RunJournal journal, Benchmark benchmark, Func<Task> step)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (ServerStartException ex)
        {
            Conclude(journal, benchmark, Status.Failed, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Conclude(journal, benchmark, Status.Failed, Unexpected(ex));
        }
    }

    private void Conclude(RunJournal journal, Benchmark benchmark, Status status, string reason)
    {
        if (!journal.IsOut(benchmark))
        {
            journal.Conclude(benchmark, status, reason);
            _observer.BenchmarkOut(benchmark, status, reason);
        }
    }

    private LoadSpec Spec(RunPlan plan, Benchmark benchmark, IRunningServer server, int size, int concurrency) =>
        new(
            server.Address,
            benchmark.Protocol.Mode,
            size,
            concurrency,
            benchmark.Protocol.Mode == Mode.Readline ? plan.Config.MessagesPerRequest : 1,
            plan.Duration,
            TimeSpan.Zero,
            plan.Config.Rate,
            Pattern: benchmark.Protocol.Pattern,
            Tls: benchmark.Protocol.IsTls ? _tls?.Client(plan.Config.TlsVersion) : null);

    private static string Unexpected(Exception ex) => $"unexpected error: {ex.GetType().Name}: {ex.Message}";

    private static string ServerGone(IRunningServer server) =>
        ServerStartException.WithLog("the server exited during the measurement", server.LogTail()).Message;

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
