using System.Diagnostics;
using System.Net.Sockets;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using VmBench.Load.Internal;

namespace VmBench.Load;

/// <summary>
/// The load client: closed-loop (or constant-rate) echo, readline and HTTP keep-alive load over loopback TCP or
/// unix sockets. Each load thread is a single-threaded epoll loop (Linux) over its share of the connections, one
/// thread per core the process may use (one when pinned with taskset -c N). Every echoed byte is verified.
/// Figures: Bytes are the bytes echoed (= sent) for echo and readline, the response bytes for HTTP; MiB/s is per
/// direction. Latencies are recorded in nanoseconds, 3 significant digits.
/// </summary>
public sealed class LoadGenerator : ILoadGenerator
{
    private readonly ICpuMeter _cpu;

    public LoadGenerator()
        : this(RusageCpuMeter.Instance)
    {
    }

    internal LoadGenerator(ICpuMeter cpu)
    {
        _cpu = cpu;
    }

    /// <inheritdoc />
    public async Task<LoadResult> RunAsync(LoadSpec spec, IProgress<LoadProgress>? progress, Func<CancellationToken, Task>? connected, CancellationToken cancellationToken)
    {
        var target = SpecValidator.Validate(spec);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the load client drives its connections with epoll: it runs on Linux only");
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (OpenFileLimit.Ensure(OpenFileLimit.Needed(spec.Concurrency)) is { } limit)
        {
            return Failed(spec, $"cannot open {spec.Concurrency} connections: {limit}", spec.Concurrency);
        }

        var hardDeadline = Stopwatch.GetTimestamp() + LoadPlan.ToTicks(spec.EffectiveHardTimeout);
        var sockets = new List<Socket>();
        var loops = new List<EventLoop>();
        Payload? payload = null;
        try
        {
            // Set-up, timed apart from the load: every connection open and answering (one verified request each).
            var connecting = Stopwatch.GetTimestamp();
            var messagesPerRequest = spec.Mode == Mode.Http ? 1 : spec.MessagesPerRequest;
            payload = Payload.Create(spec.Mode, spec.MessageSize, messagesPerRequest, target.Host);
            var ready = payload;
            var setup = await Task.Run(() => SetUp(target, spec, sockets, ready, hardDeadline, cancellationToken), cancellationToken).ConfigureAwait(false);
            var connectSeconds = Stopwatch.GetElapsedTime(connecting).TotalSeconds;
            if (setup.Failure is { } failure)
            {
                return Failed(spec, failure, setup.Errors) with { ConnectSeconds = connectSeconds };
            }

            if (connected is not null)
            {
                await connected(cancellationToken).ConfigureAwait(false);
            }

            var control = new LoadControl();
            var threads = Math.Clamp(_cpu.AvailableCores, 1, spec.Concurrency);
            for (var t = 0; t < threads; t++)
            {
                var share = new List<LoadConnection>();
                for (var i = t; i < sockets.Count; i += threads)
                {
                    share.Add(new LoadConnection(i, sockets[i]));
                }

                loops.Add(new EventLoop(spec.Mode, spec.Rate is not null, control, payload, share.ToArray()));
            }

            var plan = new LoadPlan(spec.Mode, spec.Concurrency, Stopwatch.GetTimestamp(), spec.Warmup, spec.Duration, spec.Rate);
            var session = new LoadSession(spec, plan, loops, control, _cpu, progress);
            for (var t = 0; t < loops.Count; t++)
            {
                loops[t].Start(plan, t, t == 0 ? _cpu : null);
            }

            await session.MonitorAsync(hardDeadline, cancellationToken).ConfigureAwait(false);
            return session.Result(payload.RequestBytes, messagesPerRequest) with { ConnectSeconds = connectSeconds };
        }
        finally
        {
            // A loop that is still running (only when an exception cut the wait short) keeps its native memory.
            var stopped = loops.TrueForAll(l => l.Stopped);
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }

            if (stopped)
            {
                loops.ForEach(l => l.Dispose());
                payload?.Dispose();
            }
        }
    }

    /// <summary>Opens the connections, then primes them (<see cref="Primer"/>); the failure and the connections it cost, or none.</summary>
    private static (string? Failure, long Errors) SetUp(TargetAddress target, LoadSpec spec, List<Socket> sockets, Payload payload, long deadline, CancellationToken cancellationToken)
    {
        if (Connector.ConnectAll(target, spec.Concurrency, sockets, deadline, cancellationToken) is { } connect)
        {
            return (connect, spec.Concurrency - sockets.Count);
        }

        return Primer.PrimeAll(sockets, payload, spec.Mode, deadline, cancellationToken) is { } prime ? (prime, 1) : (null, 0);
    }

    internal static LoadResult Failed(LoadSpec spec, string failure, long errors) =>
        new(0, 0, 0, 0, 0, 0, LatencySummaries.Empty, spec.Rate is null ? null : LatencySummaries.Empty, spec.Rate, errors, failure, [], null, null);
}
