using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using VmBench.Load.Internal;
using VmBench.Load.Internal.Tls;

namespace VmBench.Load;

/// <summary>
/// The load client: closed-loop (or constant-rate) echo, readline and HTTP keep-alive load over loopback TCP or
/// unix sockets, or connection churn (<see cref="LoadPattern.Churn"/>: one connection per echo, over 127.0.0.0/8). Each load thread is a single-threaded epoll loop (Linux) over its share of the connections, one
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
        return spec.Pattern == LoadPattern.Churn
            ? await ChurnAsync(spec, target, progress, hardDeadline, cancellationToken).ConfigureAwait(false)
            : await StreamAsync(spec, target, progress, connected, hardDeadline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Connections opened before the clock starts, shared out to one <see cref="EventLoop"/> per core.</summary>
    private async Task<LoadResult> StreamAsync(LoadSpec spec, TargetAddress target, IProgress<LoadProgress>? progress, Func<CancellationToken, Task>? connected, long hardDeadline, CancellationToken cancellationToken)
    {
        var sockets = new List<Socket>();
        var ssls = new List<SslHandle>();
        var loops = new List<ILoadLoop>();
        Payload? payload = null;
        var tls = spec.Tls is null ? null : TlsContext.Create(spec.Tls, target.Host);
        try
        {
            // Set-up, timed apart from the load: every connection open and answering (one verified request each).
            var connecting = Stopwatch.GetTimestamp();
            var messagesPerRequest = spec.Mode == Mode.Http ? 1 : spec.MessagesPerRequest;
            payload = Payload.Create(spec.Mode, spec.MessageSize, messagesPerRequest, target.Host);
            var ready = payload;
            var setup = await Task.Run(() => SetUp(target, spec, sockets, tls, ssls, ready, hardDeadline, cancellationToken), cancellationToken).ConfigureAwait(false);
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
            var threads = Threads(spec);
            for (var t = 0; t < threads; t++)
            {
                var share = new List<LoadConnection>();
                for (var i = t; i < sockets.Count; i += threads)
                {
                    share.Add(new LoadConnection(i, sockets[i]) { Ssl = tls is null ? 0 : ssls[i].Pointer });
                }

                loops.Add(new EventLoop(spec.Mode, spec.Rate is not null, control, payload, share.ToArray(), tls is not null));
            }

            var session = await MonitorAsync(spec, loops, control, progress, hardDeadline, cancellationToken).ConfigureAwait(false);
            return session.Result(payload.RequestBytes, messagesPerRequest) with { ConnectSeconds = connectSeconds, Tls = setup.Session };
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
                ssls.ForEach(s => s.Dispose());
                tls?.Dispose();
            }
        }
    }

    /// <summary>Opens the connections, with TLS does every handshake (<see cref="Handshakes"/>), then primes them (<see cref="Primer"/>); the failure and the connections it cost, or none, and the TLS session negotiated.</summary>
    private static (string? Failure, long Errors, TlsSession? Session) SetUp(TargetAddress target, LoadSpec spec, List<Socket> sockets, TlsContext? tls, List<SslHandle> ssls, Payload payload, long deadline, CancellationToken cancellationToken)
    {
        if (Connector.ConnectAll(target, spec.Concurrency, sockets, deadline, cancellationToken) is { } connect)
        {
            return (connect, spec.Concurrency - sockets.Count, null);
        }

        TlsSession? session = null;
        if (tls is not null && Handshakes.All(sockets, tls, ssls, deadline, out session, cancellationToken) is { } handshake)
        {
            return (handshake, 1, null);
        }

        return Primer.PrimeAll(sockets, tls is null ? null : ssls, payload, spec.Mode, deadline, cancellationToken) is { } prime ? (prime, 1, null) : (null, 0, session);
    }

    /// <summary>One connection per request (<see cref="ChurnLoop"/>, one per core): nothing is connected before the clock starts, so there is no set-up and no hook between it and the load.</summary>
    private async Task<LoadResult> ChurnAsync(LoadSpec spec, TargetAddress target, IProgress<LoadProgress>? progress, long hardDeadline, CancellationToken cancellationToken)
    {
        var loops = new List<ChurnLoop>();
        var tls = spec.Tls is null ? null : TlsContext.Create(spec.Tls, target.Host);
        var payload = Payload.Create(Mode.Echo, spec.MessageSize, 1, target.Host);
        var sources = new SourceAddresses();
        try
        {
            var server = (IPEndPoint)target.EndPoint;
            var control = new LoadControl();
            var threads = Threads(spec);
            for (int t = 0, first = 0; t < threads; t++)
            {
                var slots = (spec.Concurrency / threads) + (t < spec.Concurrency % threads ? 1 : 0);
                loops.Add(new ChurnLoop(spec.Rate is not null, control, payload, sources, server.Address.GetAddressBytes(), server.Port, first, slots, tls));
                first += slots;
            }

            var session = await MonitorAsync(spec, [.. loops], control, progress, hardDeadline, cancellationToken).ConfigureAwait(false);
            if (ChurnErrors.Failure(loops.Select(l => l.Tally), loops.Sum(l => l.Completed)) is { } failure)
            {
                control.Fail(failure);
            }

            if (tls is not null && loops.Sum(l => l.HandshakesUnaccounted) is var off and not 0)
            {
                control.Fail($"the TLS handshakes do not add up: {loops.Sum(l => l.Handshakes):N0} completed, {off:N0} of them neither an exchange completed, failed, nor in flight at the end");
            }

            var negotiated = Session(loops, control);
            return session.Result(payload.RequestBytes, 1) with { Tls = negotiated };
        }
        finally
        {
            if (loops.TrueForAll(l => l.Stopped))
            {
                loops.ForEach(l => l.Dispose());
                payload.Dispose();
                sources.Dispose();
                tls?.Dispose();
            }
        }
    }

    /// <summary>TLS: the session every churn loop negotiated (a job failure when two differ); null for plain TCP or before any handshake.</summary>
    private static TlsSession? Session(List<ChurnLoop> loops, LoadControl control)
    {
        var sessions = loops.Select(l => l.Session).OfType<TlsSession>().Distinct().ToArray();
        if (sessions.Length > 1 && Negotiated.Differ(sessions[0], sessions[1]) is { } failure)
        {
            control.Fail(failure);
        }

        return sessions.FirstOrDefault();
    }

    /// <summary>Starts the loops on one plan and watches them to the end; the session then adds up their figures.</summary>
    private async Task<LoadSession> MonitorAsync(LoadSpec spec, List<ILoadLoop> loops, LoadControl control, IProgress<LoadProgress>? progress, long hardDeadline, CancellationToken cancellationToken)
    {
        var plan = new LoadPlan(spec.Mode, spec.Concurrency, Stopwatch.GetTimestamp(), spec.Warmup, spec.Duration, spec.Rate);
        var session = new LoadSession(spec, plan, loops, control, _cpu, progress);
        for (var t = 0; t < loops.Count; t++)
        {
            loops[t].Start(plan, t, t == 0 ? _cpu : null);
        }

        await session.MonitorAsync(hardDeadline, cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <summary>One load thread per core the process may use, never more than there are connections.</summary>
    private int Threads(LoadSpec spec) => Math.Clamp(_cpu.AvailableCores, 1, spec.Concurrency);

    internal static LoadResult Failed(LoadSpec spec, string failure, long errors) =>
        new(0, 0, 0, 0, 0, 0, LatencySummaries.Empty, spec.Rate is null ? null : LatencySummaries.Empty, spec.Rate, errors, failure, [], null, null);
}
