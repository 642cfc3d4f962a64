using System.Diagnostics;
using System.Globalization;
using HdrHistogram;
using VmBench.Core.Load;
using VmBench.Core.Model;

namespace VmBench.Load.Internal;

/// <summary>One running job as the coordinator sees it: ticks once a second for progress and the timeline, then adds up.</summary>
internal sealed class LoadSession
{
    private const double ClientBoundUtilization = LoadLimits.ClientBoundUtilization;
    private const double PlanMetRatio = LoadLimits.PlanMetRatio;

    /// <summary>A client-bound closed loop whose full seconds differ by this factor or more changed speed during the run.</summary>
    public const double SwingRatio = 1.5;
    private const double FullSecond = 0.95;
    private static readonly long s_tick = Stopwatch.Frequency;

    private readonly LoadSpec _spec;
    private readonly LoadPlan _plan;
    private readonly List<ILoadLoop> _loops;
    private readonly LoadControl _control;
    private readonly ICpuMeter _cpu;
    private readonly IProgress<LoadProgress>? _progress;
    private readonly Task _all;
    private TimeSpan? _cpuAtMeasureStart;
    private long _lastTickAt;
    private long _lastCompleted;
    private long _completedAtMeasureStart;

    public LoadSession(LoadSpec spec, LoadPlan plan, List<ILoadLoop> loops, LoadControl control, ICpuMeter cpu, IProgress<LoadProgress>? progress)
    {
        _spec = spec;
        _plan = plan;
        _loops = loops;
        _control = control;
        _cpu = cpu;
        _progress = progress;
        _all = Task.WhenAll(loops.Select(l => l.Done));
        _lastTickAt = plan.Start;
        if (plan.MeasureStart == plan.Start)
        {
            _cpuAtMeasureStart = cpu.ProcessCpuTime();
        }
    }

    public async Task MonitorAsync(long hardDeadline, CancellationToken cancellationToken)
    {
        var nextTick = NextTick(_plan.Start);
        while (!_all.IsCompleted)
        {
            var now = Stopwatch.GetTimestamp();
            var until = Math.Min(nextTick, hardDeadline);
            var wait = TimeSpan.FromSeconds(Math.Max(0, Clock.Seconds(until - now)));
            await Task.WhenAny(_all, Task.Delay(wait, cancellationToken)).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                _control.Stop();
                await _all.ConfigureAwait(false);
                throw new OperationCanceledException("the load was cancelled", cancellationToken);
            }

            now = Stopwatch.GetTimestamp();
            if (_all.IsCompleted)
            {
                break;
            }

            if (now >= hardDeadline)
            {
                _control.Fail($"the load did not finish within its hard timeout of {_spec.EffectiveHardTimeout.TotalSeconds:0.#} s");
                await _all.ConfigureAwait(false);
                break;
            }

            if (now >= nextTick)
            {
                Tick(now);
                nextTick = NextTick(now);
            }
        }

        if (_loops.Max(l => l.StoppedAt) > _plan.MeasureStart)
        {
            _cpuAtMeasureStart ??= _cpu.ProcessCpuTime();
        }
    }

    public LoadResult Result(int requestBytes, int messagesPerRequest)
    {
        // CPU time and wall time over the same interval: from the crossing into the measurement to now.
        var cpuAtEnd = _cpu.ProcessCpuTime();
        var cpuWindow = Clock.Seconds(Stopwatch.GetTimestamp() - _plan.MeasureStart);
        // The loops stop at the first wake-up at or after the end; a late wake-up (a descheduled client) is not
        // measured time, since nothing was sent or counted in it.
        var stoppedAt = Math.Min(_loops.Max(l => l.StoppedAt), _plan.MeasureEnd);
        var seconds = Math.Max(0, Clock.Seconds(stoppedAt - _plan.MeasureStart));
        var latency = Merge(l => l.Latency);
        var corrected = _plan.ConstantRate ? Merge(l => l.Corrected!) : null;
        var requests = _loops.Sum(l => l.Requests);
        var outstanding = _loops.Select(l => l.Outstanding).ToArray();
        var stalled = outstanding.Sum(o => o.Stalled);
        var bytes = _plan.Mode == Mode.Http ? _loops.Sum(l => l.ResponseBytes) : requests * requestBytes;
        var rps = seconds > 0 ? requests / seconds : 0;
        var mibs = seconds > 0 ? bytes / seconds / (1024.0 * 1024.0) : 0;

        var startMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - (long)(Clock.Seconds(Stopwatch.GetTimestamp() - _plan.MeasureStart) * 1000);
        var fullSeconds = new List<double>();
        var timeline = Timeline(fullSeconds);
        return new LoadResult(
            requests,
            requests * messagesPerRequest,
            bytes,
            seconds,
            rps,
            mibs,
            LatencySummaries.From(latency),
            corrected is null ? null : LatencySummaries.From(corrected),
            _spec.Rate,
            _loops.Sum(l => l.Errors) + stalled,
            _control.Failure ?? (requests == 0 && seconds > 0 ? $"no request completed in {seconds:0.0} s of measurement (the server accepted the connections but does not answer)" : null) ?? StallRule.Failure(outstanding, seconds),
            timeline,
            Usage(cpuAtEnd, cpuWindow, requests, rps, fullSeconds),
            latency.TotalCount == 0 ? null : HistogramLogText.Write(startMs, SecondIntervals.Build(_loops, _plan.MeasureStart, startMs, corrected is not null)),
            outstanding.Sum(o => o.Recorded),
            stalled);
    }

    /// <param name="seconds">The wall time the CPU time was read over (which may run past the measured window: joining the loops, merging).</param>
    /// <param name="fullSeconds">The request rates of the timeline's full seconds.</param>
    private ClientUsage? Usage(TimeSpan cpuAtEnd, double seconds, long requests, double rps, IReadOnlyList<double> fullSeconds)
    {
        // The first loop reads the CPU time as it crosses into the measurement (as echoload does); the
        // coordinator's own reading, up to a tick late, is the fallback.
        if ((_loops[0].CpuAtMeasureStart ?? _cpuAtMeasureStart) is not { } start || seconds <= 0)
        {
            return null;
        }

        var cpu = (cpuAtEnd - start).TotalSeconds;
        var cores = Math.Max(1, _cpu.AvailableCores);
        var utilization = cpu / (seconds * cores);
        var reasons = new List<string>();
        if (utilization >= ClientBoundUtilization)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"client CPU at {utilization * 100:0} % of {cores} core{(cores == 1 ? string.Empty : "s")}"));
            if (_spec.Rate is null && RateSwing(fullSeconds) is { } swing)
            {
                reasons.Add(swing);
            }
        }

        if (_spec.Rate is { } rate && rps < rate * PlanMetRatio)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"achieved {rps:N0} of {rate:N0} requests/s planned"));
        }

        return new ClientUsage(cpu, utilization, requests > 0 ? cpu * 1e6 / requests : 0, reasons.Count > 0, reasons.Count > 0 ? string.Join("; ", reasons) : null);
    }

    /// <summary>
    /// The signature of a client that changed speed during the run: closed loop, CPU-bound, and the full seconds'
    /// rates differing by <see cref="SwingRatio"/> or more (the "slow mode", where the same work costs the client
    /// about twice the CPU per request, for every client on the machine). Null when the seconds agree or fewer than two are full.
    /// </summary>
    public static string? RateSwing(IReadOnlyList<double> fullSeconds)
    {
        if (fullSeconds.Count < 2)
        {
            return null;
        }

        var min = fullSeconds.Min();
        var max = fullSeconds.Max();
        if (max <= 0 || min * SwingRatio > max)
        {
            return null;
        }

        var factor = min > 0 ? string.Create(CultureInfo.InvariantCulture, $", {max / min:0.0}x") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"the rate changed during the run ({min:N0} to {max:N0} requests/s in its full seconds{factor}): the machine's speed changed, repeat the run");
    }

    private LongHistogram Merge(Func<ILoadLoop, LongHistogram> pick)
    {
        var merged = Histograms.Create();
        foreach (var loop in _loops)
        {
            merged.Add(pick(loop));
        }

        return merged;
    }

    private long NextTick(long now)
    {
        if (now < _plan.MeasureStart)
        {
            var next = _lastTickAt + s_tick;
            return Math.Min(next, _plan.MeasureStart);
        }

        var measured = _plan.MeasureStart + (((now - _plan.MeasureStart) / s_tick) + 1) * s_tick;
        return measured > _plan.MeasureEnd - (s_tick / 10) ? long.MaxValue : measured;
    }

    private void Tick(long now)
    {
        var completed = _loops.Sum(l => l.Completed);
        var recent = completed - _lastCompleted;
        var recentRate = now > _lastTickAt ? recent / Clock.Seconds(now - _lastTickAt) : 0;
        var measuring = now >= _plan.MeasureStart;
        if (measuring && _cpuAtMeasureStart is null)
        {
            _cpuAtMeasureStart = _cpu.ProcessCpuTime();
            _completedAtMeasureStart = completed;
        }

        _lastCompleted = completed;
        _lastTickAt = now;
        _progress?.Report(measuring
            ? new LoadProgress(false, TimeSpan.FromSeconds(Clock.Seconds(now - _plan.MeasureStart)), _spec.Duration, completed - _completedAtMeasureStart, recentRate)
            : new LoadProgress(true, TimeSpan.FromSeconds(Clock.Seconds(now - _plan.Start)), _spec.Warmup, completed, recentRate));
    }

    /// <summary>The per-second timeline: the loops' seconds added up (the last, partial one only when it is at least 0.2 s long; its p99 counts the requests outstanding at the end, its rate only completions); the rates of the full seconds go to <paramref name="fullSeconds"/>.</summary>
    private TimelineSample[] Timeline(List<double> fullSeconds)
    {
        var samples = new List<TimelineSample>();
        var second = Histograms.Create();
        var count = LoopSeconds.Count(_loops);
        for (var i = 0; i < count; i++)
        {
            second.Reset();
            var (start, end) = LoopSeconds.Add(_loops, i, s => s.Histogram, second);
            var seconds = Clock.Seconds(end - start);
            if (seconds < 0.2 && (i > 0 || seconds <= 0))
            {
                continue;
            }

            var p99 = second.TotalCount == 0 ? 0 : second.GetValueAtPercentile(99) / 1e6;
            var rate = (second.TotalCount - LoopSeconds.Outstanding(_loops, i)) / seconds;
            samples.Add(new TimelineSample(i, rate, p99));
            if (seconds >= FullSecond)
            {
                fullSeconds.Add(rate);
            }
        }

        return samples.ToArray();
    }
}
