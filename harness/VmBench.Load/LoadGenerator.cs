using System.Diagnostics;
using System.Net.Sockets;
using VmBench.Core.Load;
using VmBench.Core.Model;
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
    public async Task<LoadResult> RunAsync(LoadSpec spec, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var target = SpecValidator.Validate(spec);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the load client drives its connections with epoll: it runs on Linux only");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var hardDeadline = Stopwatch.GetTimestamp() + LoadPlan.ToTicks(spec.EffectiveHardTimeout);
        var sockets = new List<Socket>();
        var loops = new List<EventLoop>();
        Payload? payload = null;
        try
        {
            var connectError = await Task.Run(() => Connector.ConnectAll(target, spec.Concurrency, sockets, hardDeadline, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (connectError is not null)
            {
                return Failed(spec, connectError, spec.Concurrency - sockets.Count);
            }

            var messagesPerRequest = spec.Mode == Mode.Http ? 1 : spec.MessagesPerRequest;
            payload = Payload.Create(spec.Mode, spec.MessageSize, messagesPerRequest, target.Host);
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
            return session.Result(payload.RequestBytes, messagesPerRequest);
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

    internal static LoadResult Failed(LoadSpec spec, string failure, long errors) =>
        new(0, 0, 0, 0, 0, 0, LatencySummaries.Empty, spec.Rate is null ? null : LatencySummaries.Empty, spec.Rate, errors, failure, [], null, null);
}
