using HdrHistogram;

namespace VmBench.Load.Internal;

/// <summary>
/// One load thread as the coordinator (<see cref="LoadSession"/>) sees it: started on a plan, stopped by the shared
/// <see cref="LoadControl"/> or the plan's end, then read for its figures. <see cref="EventLoop"/> keeps connections
/// open; <see cref="ChurnLoop"/> opens one per request.
/// </summary>
internal interface ILoadLoop : IDisposable
{
    /// <summary>Latency from the actual send time (ns), measured part only.</summary>
    LongHistogram Latency { get; }

    /// <summary>Constant rate: latency from the intended send time (ns).</summary>
    LongHistogram? Corrected { get; }

    /// <summary>One entry per second of the measurement (read once the loop has stopped).</summary>
    IReadOnlyList<SecondSample> Seconds { get; }

    /// <summary>Requests completed so far, warm-up included (read while running, for progress).</summary>
    long Completed { get; }

    /// <summary>Requests completed in the measured part.</summary>
    long Requests { get; }

    /// <summary>HTTP: response bytes received in the measured part.</summary>
    long ResponseBytes { get; }

    long Errors { get; }

    /// <summary>The requests still unanswered when the loop stopped.</summary>
    OutstandingRequests Outstanding { get; }

    /// <summary>When the loop stopped (Stopwatch ticks).</summary>
    long StoppedAt { get; }

    Task Done { get; }

    /// <summary>Never started, or finished: its memory may be freed.</summary>
    bool Stopped { get; }

    /// <summary>The process's CPU time when the measurement started, read by the loop given a meter at <see cref="Start"/>.</summary>
    TimeSpan? CpuAtMeasureStart { get; }

    /// <summary>Starts the loop's thread on <paramref name="plan"/>; <see cref="Done"/> completes when it stops.</summary>
    void Start(LoadPlan plan, int number, ICpuMeter? cpu);
}
