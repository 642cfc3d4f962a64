using HdrHistogram;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using VmBench.Load.Internal.Tls;

namespace VmBench.Load.Internal;

/// <summary>
/// One churn thread: its slots each run exchange after exchange, every exchange a connection of its own (socket,
/// bind to the next source address, non-blocking connect, send the payload, read and verify every byte of the echo,
/// close), so <see cref="Requests"/> are connections. An exchange's latency runs from before socket(2) to its
/// verified echo, recorded before close(2) (closing is the next exchange's start). A failed exchange (refused,
/// reset, closed early, out of source ports, not done within <see cref="ChurnErrors.Timeout"/>) is counted by
/// reason in <see cref="Tally"/> and its slot starts again after the next wait, never retried in place; a wrong byte
/// fails the job at once. Like <see cref="EventLoop"/>: edge-triggered epoll, libc calls, no allocation on the
/// hot path, never blocked longer than 50 ms, so it stops promptly on failure, cancellation or the end of the job.
/// At constant rate slot s starts its k-th exchange at the plan's intended time (<see cref="LoadPlan.IntendedAt"/>),
/// and the corrected latency runs from then.
/// With TLS (the tlshandshake benchmarks) an exchange is connect, a full handshake on a new SSL from the job's one
/// SSL_CTX (no session cache, no tickets: never resumed), the pinned certificate checked, the echo over TLS,
/// close_notify and close; a handshake the server refuses or breaks is a failed exchange (its OpenSSL reason the
/// first one's description), a wrong certificate or a different protocol or cipher fails the job.
/// </summary>
internal sealed unsafe class ChurnLoop : ILoadLoop
{
    private const int MaxEvents = 512;
    private const int MaxReadBuffer = 1 << 20;
    private const long MaxWaitNanoseconds = 50_000_000;

    /// <summary>The peer shut down its side, or the socket has an error: once seen, no more data will come.</summary>
    private const uint HangUp = Native.EPOLLRDHUP | Native.EPOLLHUP | Native.EPOLLERR;

    private static readonly long s_scanTicks = Stopwatch.Frequency / 10;
    private static readonly long s_timeoutTicks = (long)(ChurnErrors.Timeout.TotalSeconds * Stopwatch.Frequency);

    private readonly LoadControl _control;
    private readonly Payload _payload;
    private readonly SourceAddresses _sources;
    private readonly ChurnSlot[] _slots;
    private readonly int[] _restart;
    private readonly int _requestBytes;
    private readonly int _epfd;
    private readonly TlsContext? _tls;
    private readonly Negotiated _negotiated = new();
    private long _failedAfterHandshake;
    private long _inFlightAfterHandshake;
    private readonly byte* _target;
    private readonly byte* _readBuffer;
    private readonly int _readBufferSize;
    private readonly byte* _events;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LongHistogram _second = Histograms.Create();
    private readonly LongHistogram? _secondUncorrected;
    private readonly List<SecondSample> _seconds = [];
    private int _restartCount;
    /// <summary>Constant rate: the idle slots by intended start, so a wake-up costs the exchanges due, never a scan of every slot.</summary>
    private readonly PriorityQueue<ChurnSlot, long>? _due;
    private int _waiting;
    private bool _pwait2 = true;
    private int _nextSource;
    private long _completed;
    private long _requests;
    private LoadPlan _plan = null!;
    private bool _started;
    private bool _measuring;
    private ICpuMeter? _cpu;
    private long _nextSecondAt;
    private bool _disposed;

    /// <param name="target">The server's IPv4 address (4 bytes, network order) and port.</param>
    /// <param name="firstSlot">The job-wide number of this loop's first slot (for messages).</param>
    /// <param name="tls">TLS on every exchange (shared by the loops); null for plain TCP.</param>
    public ChurnLoop(bool constantRate, LoadControl control, Payload payload, SourceAddresses sources, ReadOnlySpan<byte> target, int port, int firstSlot, int slots, TlsContext? tls = null)
    {
        _tls = tls;
        _control = control;
        _payload = payload;
        _sources = sources;
        _requestBytes = payload.RequestBytes;
        _slots = new ChurnSlot[slots];
        _restart = new int[slots];
        for (var i = 0; i < slots; i++)
        {
            _slots[i] = new ChurnSlot(firstSlot + i, i) { Variant = payload.FirstVariant(firstSlot + i) };
        }

        // One byte more than an echo can hold, so bytes beyond it are read, and caught, with the echo.
        _readBufferSize = Math.Min(_requestBytes + 1, MaxReadBuffer);
        _readBuffer = (byte*)NativeMemory.Alloc((nuint)_readBufferSize);
        _events = (byte*)NativeMemory.Alloc((nuint)(MaxEvents * Native.EpollEventSize));
        _target = (byte*)NativeMemory.Alloc(Native.SockaddrInSize);
        Native.WriteSockaddrIn(_target, target, port);
        Latency = Histograms.Create();
        Corrected = constantRate ? Histograms.Create() : null;
        _secondUncorrected = constantRate ? Histograms.Create() : null;
        _due = constantRate ? new PriorityQueue<ChurnSlot, long>(slots) : null;
        _epfd = Native.EpollCreate1(Native.EPOLL_CLOEXEC);
        if (_epfd < 0)
        {
            throw new InvalidOperationException($"epoll_create1 failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public LongHistogram Latency { get; }

    public LongHistogram? Corrected { get; }

    public IReadOnlyList<SecondSample> Seconds => _seconds;

    public long Completed => Volatile.Read(ref _completed);

    public long Requests => _requests;

    public long ResponseBytes => 0;

    /// <summary>Failed exchanges of the whole job, warm-up included.</summary>
    public long Errors => Tally.Count;

    /// <summary>The failed exchanges by reason (read once the loop has stopped).</summary>
    public ChurnErrors Tally { get; } = new();

    public OutstandingRequests Outstanding { get; } = new();

    /// <summary>TLS: handshakes completed (warm-up included).</summary>
    public long Handshakes { get; private set; }

    /// <summary>TLS: handshakes not accounted for by an exchange completed, failed after its handshake, or in flight after it at the end: 0 unless the counting is broken (read once the loop has stopped).</summary>
    public long HandshakesUnaccounted => Handshakes - (Completed + _failedAfterHandshake + _inFlightAfterHandshake);

    /// <summary>TLS: the protocol and cipher this loop's exchanges negotiated (read once it has stopped).</summary>
    public Core.Load.TlsSession? Session => _negotiated.Session;

    public long StoppedAt { get; private set; }

    public Task Done => _done.Task;

    public bool Stopped => !_started || _done.Task.IsCompleted;

    public TimeSpan? CpuAtMeasureStart { get; private set; }

    public void Start(LoadPlan plan, int number, ICpuMeter? cpu)
    {
        _plan = plan;
        _cpu = cpu;
        _started = true;
        _nextSecondAt = plan.MeasureStart + Stopwatch.Frequency;
        // The loops start far apart in the addresses, so no two bind the same one at once.
        _nextSource = (int)((long)_slots[0].Index * SourceAddresses.Count / Math.Max(1, plan.Concurrency));
        var thread = new Thread(Run) { IsBackground = true, Name = $"vmbench-churn-{number}" };
        thread.Start();
    }

    private void Run()
    {
        try
        {
            Loop();
        }
        catch (Exception ex)
        {
            // The thread's entry point: whatever went wrong becomes the job's failure instead of killing the process.
            _control.Fail($"the churn loop failed: {ex.Message}");
        }
        finally
        {
            StoppedAt = Stopwatch.GetTimestamp();
            if (StoppedAt > _plan.MeasureStart)
            {
                RecordOutstanding(StoppedAt);
                _seconds.Add(TakeSecond(Math.Min(StoppedAt, _plan.MeasureEnd)) with { Outstanding = Outstanding.Recorded });
            }

            foreach (var slot in _slots)
            {
                _inFlightAfterHandshake += slot.Active && slot.Handshaken ? 1 : 0;
                Close(slot);
            }

            _done.TrySetResult();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Loop()
    {
        if (_plan.ConstantRate)
        {
            // Exchanges are due at planned instants: ask for 1 ns timer slack instead of the default 50 us (this thread only).
            Native.Prctl(Native.PR_SET_TIMERSLACK, 1, 0, 0, 0);
        }

        var start = Stopwatch.GetTimestamp();
        foreach (var slot in _slots)
        {
            if (_plan.ConstantRate)
            {
                slot.IntendedAt = _plan.IntendedAt(slot.Index, 0);
                Schedule(slot, start);
            }
            else
            {
                Begin(slot);
            }
        }

        var nextScan = Stopwatch.GetTimestamp() + s_scanTicks;
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= _plan.MeasureEnd || _control.StopRequested)
            {
                return;
            }

            if (!_measuring && now >= _plan.MeasureStart)
            {
                _measuring = true;
                CpuAtMeasureStart = _cpu?.ProcessCpuTime();
            }

            if (now >= _nextSecondAt)
            {
                CloseSecond();
            }

            if (now >= nextScan)
            {
                Expire(now);
                nextScan = now + s_scanTicks;
            }

            RestartFailed();
            var deadline = Math.Min(now < _plan.MeasureStart ? _plan.MeasureStart : _plan.MeasureEnd, nextScan);
            if (_waiting > 0)
            {
                deadline = Math.Min(deadline, FireDue(now));
            }

            var n = Native.WaitEvents(_epfd, _events, MaxEvents, Math.Clamp(Clock.ToNanoseconds(deadline - now), 0, MaxWaitNanoseconds), ref _pwait2);
            for (var i = 0; i < n; i++)
            {
                var ev = _events + (i * Native.EpollEventSize);
                var token = *(long*)(ev + Native.EpollDataOffset);
                var slot = _slots[(int)(token & 0xFFFF_FFFF)];
                if (slot.Active && slot.Generation == (uint)(token >> 32))
                {
                    OnEvent(slot, *(uint*)ev);
                }
            }
        }
    }

    /// <summary>The slot's next exchange: at once in a closed loop; at constant rate at its next planned instant.</summary>
    private void Next(ChurnSlot slot, long now)
    {
        if (_plan.ConstantRate)
        {
            slot.PlanIndex++;
            slot.IntendedAt = _plan.IntendedAt(slot.Index, slot.PlanIndex);
            Schedule(slot, now);
        }
        else
        {
            Begin(slot);
        }
    }

    private void Schedule(ChurnSlot slot, long now)
    {
        if (slot.IntendedAt <= now)
        {
            Begin(slot);
        }
        else
        {
            slot.Waiting = true;
            _waiting++;
            _due!.Enqueue(slot, slot.IntendedAt);
        }
    }

    /// <summary>Constant rate: starts every exchange that is due, returns the earliest later intended start.</summary>
    private long FireDue(long now)
    {
        var due = _due!;
        while (due.TryPeek(out var slot, out var at))
        {
            if (at > now)
            {
                return at;
            }

            due.Dequeue();
            slot.Waiting = false;
            _waiting--;
            Begin(slot);
        }

        return long.MaxValue;
    }

    /// <summary>Starts the slot's next exchange: a socket bound to the next source address, connecting, its payload sent as far as it goes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Begin(ChurnSlot slot)
    {
        slot.StartedAt = Stopwatch.GetTimestamp();
        slot.Number++;
        slot.Generation++;
        slot.Sent = 0;
        slot.Received = 0;
        slot.Connected = false;
        slot.Handshaken = false;
        slot.Offset = slot.Variant * _payload.VariantStride;
        slot.Variant = slot.Variant + 1 == _payload.Variants ? 0 : slot.Variant + 1;
        slot.Source = _nextSource;
        _nextSource = _nextSource + 1 == SourceAddresses.Count ? 0 : _nextSource + 1;

        var fd = Native.Socket(Native.AF_INET, Native.SOCK_STREAM | Native.SOCK_NONBLOCK | Native.SOCK_CLOEXEC, 0);
        if (fd < 0)
        {
            Failed(slot, ChurnStep.Setup, Native.Errno());
            return;
        }

        slot.Fd = fd;
        slot.Active = true;
        var one = 1;
        if (Native.SetSockOpt(fd, Native.IPPROTO_IP, Native.IP_BIND_ADDRESS_NO_PORT, &one, sizeof(int)) < 0
            || Native.SetSockOpt(fd, Native.IPPROTO_TCP, Native.TCP_NODELAY, &one, sizeof(int)) < 0
            || Native.Bind(fd, _sources.At(slot.Source), Native.SockaddrInSize) < 0)
        {
            Failed(slot, ChurnStep.Setup, Native.Errno());
            return;
        }

        if (Native.Connect(fd, _target, Native.SockaddrInSize) < 0)
        {
            var errno = Native.Errno();
            if (errno != Native.EINPROGRESS)
            {
                Failed(slot, ChurnStep.Connect, errno);
                return;
            }
        }

        if (Native.Register(_epfd, fd, (uint)slot.Local | ((long)slot.Generation << 32)) < 0)
        {
            Failed(slot, ChurnStep.Setup, Native.Errno());
            return;
        }

        if (_tls is not null)
        {
            slot.Ssl = _tls.New(fd);
            if (slot.Ssl == 0)
            {
                OpenSsl.ERR_clear_error();
                Failed(slot, ChurnStep.Setup, Native.ENOMEM);
                return;
            }

            // The ClientHello goes out once the connection is established (at once on loopback, else at EPOLLOUT).
            Handshake(slot);
            return;
        }

        // On loopback the handshake is often done by now: the payload goes out at once, else at EPOLLOUT.
        var error = Send(slot);
        if (error != 0)
        {
            Failed(slot, slot.Connected ? ChurnStep.Echo : ChurnStep.Connect, error);
        }
    }

    /// <summary>Writes the rest of the payload; 0 when done or the socket is not writable yet (EPOLLOUT resumes), else errno (a failed connect's own).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Send(ChurnSlot slot)
    {
        if (_tls is not null)
        {
            return TlsIo.SendRest(slot.Ssl, _payload.Base + slot.Offset, _requestBytes, ref slot.Sent);
        }

        var errno = Native.SendRest(slot.Fd, _payload.Base + slot.Offset, _requestBytes, ref slot.Sent);
        slot.Connected |= slot.Sent > 0;
        return errno;
    }

    /// <summary>TLS: the next handshake step; once done, the certificate and the session are checked and the payload sent.</summary>
    private void Handshake(ChurnSlot slot)
    {
        var step = TlsIo.Handshake(slot.Ssl, out var wantWrite, out var code);
        if (step == 0)
        {
            // Waiting to read: the ClientHello went out, so the connection is established (waiting to write: not yet).
            slot.Connected |= !wantWrite;
            return;
        }

        if (step < 0)
        {
            // Refused before the connection was up (no ClientHello went out): a connect failure, counted as such.
            var at = slot.Connected || code == TlsIo.ProtocolError ? ChurnStep.Handshake : ChurnStep.Connect;
            TlsFailed(slot, at, code);
            return;
        }

        slot.Connected = true;
        slot.Handshaken = true;
        Handshakes++;
        if ((_tls!.CheckPeer(slot.Ssl) ?? _negotiated.Add(slot.Ssl)) is { } failure)
        {
            _control.Fail($"exchange {slot.Number} of slot {slot.Index} (from {SourceAddresses.Text(slot.Source)}): {failure}");
            _failedAfterHandshake++;
            Close(slot);
            return;
        }

        var error = Send(slot);
        if (error != 0)
        {
            TlsFailed(slot, ChurnStep.Echo, error);
        }
    }

    /// <summary>A failed TLS exchange: the first one described with OpenSSL's reason; the thread's error queue emptied either way, so the next exchange's SSL_get_error reads its own.</summary>
    private void TlsFailed(ChurnSlot slot, ChurnStep step, int code)
    {
        string? detail = null;
        if (Tally.First is null)
        {
            detail = step == ChurnStep.Echo ? "echo: " + TlsIo.Describe(code) : TlsIo.HandshakeFailure(code);
        }

        OpenSsl.ERR_clear_error();
        _failedAfterHandshake += slot.Handshaken ? 1 : 0;
        Tally.Add(slot, step, code, detail);
        Close(slot);
        _restart[_restartCount++] = slot.Local;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnEvent(ChurnSlot slot, uint events)
    {
        if (_tls is not null)
        {
            OnTlsEvent(slot, events);
            return;
        }

        if (slot.Sent < _requestBytes)
        {
            var error = Send(slot);
            if (error != 0)
            {
                Failed(slot, slot.Connected ? ChurnStep.Echo : ChurnStep.Connect, error);
                return;
            }
        }

        if (slot.Connected && (events & (Native.EPOLLIN | HangUp)) != 0)
        {
            OnReadable(slot, events);
        }
    }

    /// <summary>TLS: any event may move the handshake, the write or the read (OpenSSL reads and writes as it needs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnTlsEvent(ChurnSlot slot, uint events)
    {
        if (!slot.Handshaken)
        {
            Handshake(slot);
            if (!slot.Active || !slot.Handshaken)
            {
                return;
            }
        }

        if (slot.Sent < _requestBytes)
        {
            var error = Send(slot);
            if (error != 0)
            {
                TlsFailed(slot, ChurnStep.Echo, error);
                return;
            }
        }

        OnTlsReadable(slot);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnTlsReadable(ChurnSlot slot)
    {
        while (true)
        {
            var want = Math.Min(_requestBytes - slot.Received + 1, _readBufferSize);
            var read = TlsIo.Read(slot.Ssl, _readBuffer, want, out var error);
            if (read > 0)
            {
                var got = (int)read;
                if (slot.Received + got > _requestBytes)
                {
                    Mismatch(slot, $"received {slot.Received + got} bytes of a {_requestBytes}-byte echo");
                    return;
                }

                if (!Verified(slot, got))
                {
                    return;
                }
            }
            else if (read == 0)
            {
                TlsFailed(slot, ChurnStep.Echo, 0);
                return;
            }
            else
            {
                if (error != Native.EAGAIN)
                {
                    TlsFailed(slot, ChurnStep.Echo, error);
                }

                return;
            }
        }
    }

    /// <summary>
    /// Checks the <paramref name="got"/> bytes just read into the read buffer against the payload and counts them; false
    /// when the exchange is over (a wrong byte failed it, or the whole echo completed it).
    /// </summary>
    private bool Verified(ChurnSlot slot, int got)
    {
        var expectedAt = _payload.Base + slot.Offset + slot.Received;
        if (Native.Memcmp(_readBuffer, expectedAt, (nuint)got) != 0)
        {
            var actual = new ReadOnlySpan<byte>(_readBuffer, got);
            var at = actual.CommonPrefixLength(new ReadOnlySpan<byte>(expectedAt, got));
            Mismatch(slot, $"at byte {slot.Received + at}: expected 0x{expectedAt[at]:X2}, got 0x{actual[at]:X2}");
            return false;
        }

        slot.Received += got;
        if (slot.Received == _requestBytes)
        {
            Complete(slot);
            return false;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnReadable(ChurnSlot slot, uint events)
    {
        while (true)
        {
            var want = Math.Min(_requestBytes - slot.Received + 1, _readBufferSize);
            var read = Native.Read(slot.Fd, _readBuffer, want);
            if (read > 0)
            {
                var got = (int)read;
                if (slot.Received + got > slot.Sent)
                {
                    Mismatch(slot, $"received {slot.Received + got} bytes after sending only {slot.Sent} of {_requestBytes}");
                    return;
                }

                if (!Verified(slot, got))
                {
                    return;
                }

                if (got < want && (events & HangUp) == 0)
                {
                    return;
                }
            }
            else if (read == 0)
            {
                Failed(slot, ChurnStep.Echo, 0);
                return;
            }
            else
            {
                var errno = Native.Errno();
                if (errno == Native.EINTR)
                {
                    continue;
                }

                if (errno != Native.EAGAIN)
                {
                    Failed(slot, ChurnStep.Echo, errno);
                }
                else if ((events & HangUp) != 0)
                {
                    Failed(slot, ChurnStep.Echo, 0);
                }

                return;
            }
        }
    }

    /// <summary>The echo is whole and verified: its latency is recorded, the connection closed (the client first, so TIME_WAIT is the client's) and the next exchange started.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Complete(ChurnSlot slot)
    {
        var now = Stopwatch.GetTimestamp();
        Volatile.Write(ref _completed, _completed + 1);
        if (now >= _plan.MeasureStart)
        {
            if (now >= _nextSecondAt)
            {
                CloseSecond();
            }

            _requests++;
            Record(slot, now);
        }

        if (slot.Ssl != 0 && OpenSsl.SSL_shutdown(slot.Ssl) < 0)
        {
            // close_notify could not be sent (the server already went): the exchange is done all the same.
            OpenSsl.ERR_clear_error();
        }

        Close(slot);
        Next(slot, Stopwatch.GetTimestamp());
    }

    /// <summary>Records the latency of the slot's exchange as of <paramref name="now"/>, in the totals and the current second (corrected ones at constant rate).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Record(ChurnSlot slot, long now) =>
        Histograms.RecordAnswer(Latency, Corrected, _second, _secondUncorrected, slot.StartedAt, slot.IntendedAt, now);

    /// <summary>A failed exchange: counted with its reason, its socket closed, its slot started again after the next wait.</summary>
    private void Failed(ChurnSlot slot, ChurnStep step, int errno)
    {
        _failedAfterHandshake += slot.Handshaken ? 1 : 0;
        Tally.Add(slot, step, errno);
        Close(slot);
        _restart[_restartCount++] = slot.Local;
    }

    private void RestartFailed()
    {
        // A slot that fails again at once is queued again, at an index already taken from the queue.
        var count = _restartCount;
        _restartCount = 0;
        var now = Stopwatch.GetTimestamp();
        for (var i = 0; i < count && !_control.StopRequested; i++)
        {
            Next(_slots[_restart[i]], now);
        }
    }

    /// <summary>Every exchange in flight longer than <see cref="ChurnErrors.Timeout"/> has failed (timed out).</summary>
    private void Expire(long now)
    {
        foreach (var slot in _slots)
        {
            if (slot.Active && now - slot.StartedAt > s_timeoutTicks)
            {
                Failed(slot, !slot.Connected ? ChurnStep.Connect : _tls is not null && !slot.Handshaken ? ChurnStep.Handshake : ChurnStep.Echo, ChurnErrors.TimedOut);
            }
        }
    }

    private void Mismatch(ChurnSlot slot, string detail)
    {
        _control.Fail($"payload mismatch on exchange {slot.Number} of slot {slot.Index} (from {SourceAddresses.Text(slot.Source)}) {detail}");
        _failedAfterHandshake += slot.Handshaken ? 1 : 0;
        Close(slot);
    }

    private static void Close(ChurnSlot slot)
    {
        if (slot.Ssl != 0)
        {
            OpenSsl.SSL_free(slot.Ssl);
            slot.Ssl = 0;
        }

        if (slot.Active)
        {
            Native.CloseFast(slot.Fd);
            slot.Fd = -1;
            slot.Active = false;
        }
    }

    /// <summary>
    /// At the end: every exchange still in flight is counted in <see cref="Outstanding"/> with its age; one older than
    /// every latency answered on this loop is also recorded with that age (a lower bound), as <see cref="EventLoop"/> does.
    /// </summary>
    private void RecordOutstanding(long now)
    {
        var end = Math.Min(now, _plan.MeasureEnd);
        var answered = Latency.TotalCount == 0 ? -1 : Latency.GetMaxValue();
        foreach (var slot in _slots)
        {
            if (!slot.Active || slot.StartedAt >= end)
            {
                continue;
            }

            var age = end - slot.StartedAt;
            var recorded = Clock.ToNanoseconds(age) > answered;
            if (recorded)
            {
                Record(slot, end);
            }

            Outstanding.Add(slot.Index, slot.Number, age, recorded);
        }
    }

    private void CloseSecond()
    {
        _seconds.Add(TakeSecond(_nextSecondAt));
        _nextSecondAt += Stopwatch.Frequency;
    }

    private SecondSample TakeSecond(long end) =>
        new(_nextSecondAt - Stopwatch.Frequency, end, Histograms.Take(_second), _secondUncorrected is null ? null : Histograms.Take(_secondUncorrected));

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Native.Close(_epfd);
        NativeMemory.Free(_readBuffer);
        NativeMemory.Free(_events);
        NativeMemory.Free(_target);
    }
}
