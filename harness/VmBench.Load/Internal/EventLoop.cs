using HdrHistogram;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using VmBench.Core.Model;
using VmBench.Load.Internal.Tls;

namespace VmBench.Load.Internal;

/// <summary>
/// One load thread: a single-threaded, edge-triggered epoll loop over its share of the connections, like
/// the C reference client (echoload). Non-blocking send/read through libc, one shared read buffer, every
/// echoed byte compared with what was sent, histograms owned by the thread (no locks, no allocation on the hot path).
/// It never blocks longer than 50 ms, so it stops promptly on failure, cancellation or the end of the job.
/// With TLS (echo and readline), every connection's SSL is set up before the loop starts, and the loop's reads and
/// writes are SSL_read_ex/SSL_write_ex on the same sockets (<see cref="TlsIo"/>), chosen by a flag fixed when the
/// loop is made (one predictable branch per call, beside a call that costs a microsecond).
/// </summary>
internal sealed unsafe class EventLoop : ILoadLoop
{
    private const int MaxEvents = 512;
    private const int MaxReadBuffer = 1 << 20;
    private const int ReadBufferAlignment = 4096;
    private const int HttpBufferSize = 16 * 1024;
    private const long MaxWaitNanoseconds = 50_000_000;

    /// <summary>The peer shut down its side, or the socket has an error: once seen, no more data will come.</summary>
    private const uint HangUp = Native.EPOLLRDHUP | Native.EPOLLHUP | Native.EPOLLERR;

    private readonly LoadControl _control;
    private readonly Payload _payload;
    private readonly LoadConnection[] _connections;
    private readonly int _requestBytes;
    private readonly bool _http;
    private readonly bool _tls;
    private readonly int _epfd;
    private readonly byte* _readBuffer;
    private readonly int _readBufferSize;
    private readonly byte* _events;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LongHistogram _second = Histograms.Create();
    private readonly LongHistogram? _secondUncorrected;
    private readonly List<SecondSample> _seconds = [];
    private long _completed;
    private long _requests;
    private long _responseBytes;
    private long _errors;
    /// <summary>Constant rate: the idle connections by intended send time, so a wake-up costs the requests due, never a scan of every connection.</summary>
    private readonly PriorityQueue<LoadConnection, long>? _due;
    private int _waiting;
    private LoadPlan _plan = null!;
    private bool _started;
    private bool _measuring;
    private ICpuMeter? _cpu;
    private long _nextSecondAt;
    private bool _pwait2 = true;
    private bool _disposed;

    /// <param name="tls">The connections carry an SSL each (<see cref="LoadConnection.Ssl"/>), handshake done.</param>
    public EventLoop(Mode mode, bool constantRate, LoadControl control, Payload payload, LoadConnection[] connections, bool tls = false)
    {
        _tls = tls;
        _control = control;
        _payload = payload;
        _connections = connections;
        _requestBytes = payload.RequestBytes;
        _http = mode == Mode.Http;
        _readBufferSize = _http ? 4096 : Math.Min(Math.Max(_requestBytes, 1), MaxReadBuffer);
        // Page-aligned, so the kernel's copy into it and the comparison read it aligned.
        _readBuffer = (byte*)NativeMemory.AlignedAlloc((nuint)_readBufferSize, ReadBufferAlignment);
        _events = (byte*)NativeMemory.Alloc((nuint)(MaxEvents * Native.EpollEventSize));
        Latency = Histograms.Create();
        Corrected = constantRate ? Histograms.Create() : null;
        _secondUncorrected = constantRate ? Histograms.Create() : null;
        _due = constantRate ? new PriorityQueue<LoadConnection, long>(connections.Length) : null;
        _epfd = Native.EpollCreate1(Native.EPOLL_CLOEXEC);
        if (_epfd < 0)
        {
            throw new InvalidOperationException($"epoll_create1 failed: errno {Marshal.GetLastPInvokeError()}");
        }

        for (var i = 0; i < connections.Length; i++)
        {
            var connection = connections[i];
            connection.Variant = payload.FirstVariant(connection.Index);
            if (_http)
            {
                connection.Response = (byte*)NativeMemory.Alloc(HttpBufferSize);
            }

            if (Native.Register(_epfd, connection.Fd, i) < 0)
            {
                throw new InvalidOperationException($"epoll_ctl failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
    }

    /// <summary>Latency from the actual send time (ns), measured part only.</summary>
    public LongHistogram Latency { get; }

    /// <summary>Constant rate: latency from the intended send time (ns).</summary>
    public LongHistogram? Corrected { get; }

    /// <summary>The timeline: one entry per second of the measurement (the last one partial), with the latencies
    /// of that second (corrected ones at constant rate, and the uncorrected beside them); read by the coordinator once the loop has stopped.</summary>
    public IReadOnlyList<SecondSample> Seconds => _seconds;

    /// <summary>Requests completed so far, warm-up included (read by the coordinator for progress).</summary>
    public long Completed => Volatile.Read(ref _completed);

    /// <summary>Requests completed in the measured part.</summary>
    public long Requests => _requests;

    /// <summary>HTTP: response bytes received in the measured part.</summary>
    public long ResponseBytes => _responseBytes;

    public long Errors => _errors;

    /// <summary>The requests still unanswered when the loop stopped (read once it has stopped).</summary>
    public OutstandingRequests Outstanding { get; } = new();

    /// <summary>When the loop stopped (Stopwatch ticks).</summary>
    public long StoppedAt { get; private set; }

    public Task Done => _done.Task;

    /// <summary>Never started, or finished: its memory may be freed.</summary>
    public bool Stopped => !_started || _done.Task.IsCompleted;

    /// <summary>The process's CPU time when the measurement started, read by the loop given a meter at <see cref="Start"/>.</summary>
    public TimeSpan? CpuAtMeasureStart { get; private set; }

    /// <summary>Starts the loop's thread on <paramref name="plan"/>; <see cref="Done"/> completes when it stops. With <paramref name="cpu"/>, it reads the CPU time as it crosses into the measurement.</summary>
    public void Start(LoadPlan plan, int number, ICpuMeter? cpu)
    {
        _plan = plan;
        _cpu = cpu;
        _started = true;
        _nextSecondAt = plan.MeasureStart + Stopwatch.Frequency;
        var thread = new Thread(Run) { IsBackground = true, Name = $"vmbench-load-{number}" };
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
            _control.Fail($"the load loop failed: {ex.Message}");
        }
        finally
        {
            StoppedAt = Stopwatch.GetTimestamp();
            if (StoppedAt > _plan.MeasureStart)
            {
                RecordOutstanding(StoppedAt);
                _seconds.Add(TakeSecond(Math.Min(StoppedAt, _plan.MeasureEnd)) with { Outstanding = Outstanding.Recorded });
            }

            _done.TrySetResult();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Loop()
    {
        if (_plan.ConstantRate)
        {
            // Sends are due at planned instants: ask for 1 ns timer slack instead of the default 50 us (this thread only).
            Native.Prctl(Native.PR_SET_TIMERSLACK, 1, 0, 0, 0);
        }

        var now = Stopwatch.GetTimestamp();
        foreach (var connection in _connections)
        {
            if (_plan.ConstantRate)
            {
                connection.IntendedAt = _plan.IntendedAt(connection.Index, 0);
                Schedule(connection, now);
            }
            else
            {
                StartRequest(connection, now);
            }
        }

        while (true)
        {
            now = Stopwatch.GetTimestamp();
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

            var deadline = now < _plan.MeasureStart ? _plan.MeasureStart : _plan.MeasureEnd;
            if (_waiting > 0)
            {
                deadline = Math.Min(deadline, FireDue(now));
            }

            var n = Wait(Clock.ToNanoseconds(deadline - now));
            for (var i = 0; i < n; i++)
            {
                var ev = _events + (i * Native.EpollEventSize);
                var connection = _connections[(int)*(long*)(ev + Native.EpollDataOffset)];
                if (!connection.Dead)
                {
                    OnEvent(connection, *(uint*)ev);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Wait(long nanoseconds) => Native.WaitEvents(_epfd, _events, MaxEvents, Math.Clamp(nanoseconds, 0, MaxWaitNanoseconds), ref _pwait2);

    /// <summary>Constant rate: sends every request that is due, returns the earliest later intended time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long FireDue(long now)
    {
        var due = _due!;
        while (due.TryPeek(out var connection, out var at))
        {
            if (!connection.Waiting)
            {
                // Dropped while it waited: its entry is stale.
                due.Dequeue();
                continue;
            }

            if (at > now)
            {
                return at;
            }

            due.Dequeue();
            connection.Waiting = false;
            _waiting--;
            StartRequest(connection, now);
        }

        return long.MaxValue;
    }

    private void Schedule(LoadConnection connection, long now)
    {
        if (connection.IntendedAt <= now)
        {
            StartRequest(connection, now);
        }
        else
        {
            connection.Waiting = true;
            _waiting++;
            _due!.Enqueue(connection, connection.IntendedAt);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StartRequest(LoadConnection connection, long now)
    {
        connection.Offset = connection.Variant * _payload.VariantStride;
        connection.Variant = connection.Variant + 1 == _payload.Variants ? 0 : connection.Variant + 1;
        connection.RequestNumber++;
        connection.Sent = 0;
        connection.Received = 0;
        connection.ResponseLength = 0;
        connection.SentAt = now;
        var errno = Send(connection);
        if (errno != 0)
        {
            Lost(connection, $"send failed ({Errno(errno)})");
        }
    }

    /// <summary>Writes the rest of the current request; 0 when done or the socket is full (EPOLLOUT resumes), else errno.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Send(LoadConnection connection) => _tls
        ? TlsIo.SendRest(connection.Ssl, _payload.Base + connection.Offset, _requestBytes, ref connection.Sent)
        : Native.SendRest(connection.Fd, _payload.Base + connection.Offset, _requestBytes, ref connection.Sent);

    /// <summary>read(2) on the socket, or SSL_read_ex on its SSL: bytes, 0 at the end of the stream, or -1 with <paramref name="error"/> (EAGAIN: nothing more now).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private nint Read(LoadConnection connection, byte* buffer, nint count, out int error)
    {
        if (_tls)
        {
            return TlsIo.Read(connection.Ssl, buffer, count, out error);
        }

        var read = Native.Read(connection.Fd, buffer, count);
        error = read < 0 ? Native.Errno() : 0;
        return read;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnEvent(LoadConnection connection, uint events)
    {
        if (connection.Sent < _requestBytes && !connection.Waiting && (events & Native.EPOLLOUT) != 0)
        {
            var errno = Send(connection);
            if (errno != 0)
            {
                Lost(connection, $"send failed ({Errno(errno)})");
                return;
            }
        }

        if ((events & (Native.EPOLLIN | Native.EPOLLRDHUP | Native.EPOLLHUP | Native.EPOLLERR)) == 0)
        {
            return;
        }

        if (connection.Waiting)
        {
            OnIdleReadable(connection, events);
        }
        else if (_http)
        {
            OnHttpReadable(connection, events);
        }
        else
        {
            OnEchoReadable(connection, events);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnEchoReadable(LoadConnection connection, uint events)
    {
        while (connection.Received < _requestBytes)
        {
            var want = Math.Min(_requestBytes - connection.Received, _readBufferSize);
            var read = Read(connection, _readBuffer, want, out var error);
            if (read > 0)
            {
                var got = (int)read;
                // TLS writes are whole: the echo of a large request may start before its write completed.
                if (connection.Received + got > (_tls ? _requestBytes : connection.Sent))
                {
                    Mismatch(connection, $"received {connection.Received + got} bytes of request {connection.RequestNumber} after sending only {connection.Sent}");
                    return;
                }

                var expectedAt = _payload.Base + connection.Offset + connection.Received;
                if (Native.Memcmp(_readBuffer, expectedAt, (nuint)got) != 0)
                {
                    var actual = new ReadOnlySpan<byte>(_readBuffer, got);
                    var expected = new ReadOnlySpan<byte>(expectedAt, got);
                    var at = actual.CommonPrefixLength(expected);
                    Mismatch(connection, $"at byte {connection.Received + at} of request {connection.RequestNumber}: expected 0x{expected[at]:X2}, got 0x{actual[at]:X2}");
                    return;
                }

                connection.Received += got;
                if (connection.Received == _requestBytes)
                {
                    CompleteUnlessClosed(connection, _requestBytes, events);
                    return;
                }

                // A short read drained the socket (not so over TLS: a read returns one record); with a hang-up beside the data, read on to see the end.
                if (!_tls && got < want && (events & HangUp) == 0)
                {
                    return;
                }
            }
            else if (read == 0)
            {
                Lost(connection, $"the server closed the connection after echoing {connection.Received} of {_requestBytes} bytes of request {connection.RequestNumber}");
                return;
            }
            else if (!OnReadError(connection, events, error))
            {
                return;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void OnHttpReadable(LoadConnection connection, uint events)
    {
        while (true)
        {
            var space = HttpBufferSize - connection.ResponseLength;
            if (space == 0)
            {
                Mismatch(connection, $"response {connection.RequestNumber} is longer than {HttpBufferSize} bytes without completing");
                return;
            }

            var read = Native.Read(connection.Fd, connection.Response + connection.ResponseLength, space);
            if (read > 0)
            {
                connection.ResponseLength += (int)read;
                var outcome = HttpResponseChecker.Check(new ReadOnlySpan<byte>(connection.Response, connection.ResponseLength), out var length, out var error);
                if (outcome == HttpResponseChecker.Outcome.Invalid)
                {
                    Mismatch(connection, $"response {connection.RequestNumber}: {error}");
                    return;
                }

                if (outcome == HttpResponseChecker.Outcome.Complete)
                {
                    if (length != connection.ResponseLength)
                    {
                        Mismatch(connection, $"response {connection.RequestNumber}: {connection.ResponseLength - length} unexpected bytes after the response");
                        return;
                    }

                    CompleteUnlessClosed(connection, length, events);
                    return;
                }

                if (read < space && (events & HangUp) == 0)
                {
                    return;
                }
            }
            else if (read == 0)
            {
                Lost(connection, $"the server closed the connection during response {connection.RequestNumber}");
                return;
            }
            else if (!OnReadError(connection, events, Native.Errno()))
            {
                return;
            }
        }
    }

    /// <summary>Data while no request is outstanding (constant rate, between requests) breaks the contract.</summary>
    private void OnIdleReadable(LoadConnection connection, uint events)
    {
        var read = Read(connection, _readBuffer, _readBufferSize, out var error);
        if (read > 0)
        {
            Mismatch(connection, $"{read} unexpected bytes after request {connection.RequestNumber} was complete");
        }
        else if (read == 0)
        {
            Lost(connection, "the server closed the connection");
        }
        else if (OnReadError(connection, events, error))
        {
            OnIdleReadable(connection, events);
        }
    }

    /// <summary>After a read returned -1 with <paramref name="errno"/>: true to read again (EINTR), false to wait for the next edge or when the connection is lost.</summary>
    private bool OnReadError(LoadConnection connection, uint events, int errno)
    {
        if (errno == Native.EINTR)
        {
            return true;
        }

        if (errno == Native.EAGAIN)
        {
            if ((events & HangUp) != 0)
            {
                Lost(connection, "the server closed the connection");
            }

            return false;
        }

        Lost(connection, $"read failed ({Errno(errno)})");
        return false;
    }

    /// <summary>The answer is whole; when the server hung up with it, no later request can be answered, so the connection is lost.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CompleteUnlessClosed(LoadConnection connection, int bytes, uint events)
    {
        if ((events & HangUp) != 0)
        {
            Lost(connection, $"the server closed the connection with its answer to request {connection.RequestNumber}");
            return;
        }

        Complete(connection, bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Complete(LoadConnection connection, int bytes)
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
            _responseBytes += bytes;
            Record(connection, now);
        }

        if (_plan.ConstantRate)
        {
            connection.PlanIndex++;
            connection.IntendedAt = _plan.IntendedAt(connection.Index, connection.PlanIndex);
            Schedule(connection, now);
        }
        else
        {
            StartRequest(connection, now);
        }
    }

    /// <summary>Records the latency of the connection's current request as of <paramref name="now"/>, in the totals and the current second.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Record(LoadConnection connection, long now) =>
        Histograms.RecordAnswer(Latency, Corrected, _second, _secondUncorrected, connection.SentAt, connection.IntendedAt, now);

    /// <summary>
    /// At the end (of the measurement, or earlier when stopped): every request still unanswered (sent, or being
    /// sent, and not complete) is counted in <see cref="Outstanding"/> with its age. One older than every latency
    /// answered on this loop is also recorded in the latency histograms with that age, a lower bound of its
    /// latency, so a server that stopped answering shows in the tail instead of vanishing from the figures; the
    /// younger ones (in a closed loop, the requests just sent) would only add ages below what was measured.
    /// </summary>
    private void RecordOutstanding(long now)
    {
        var end = Math.Min(now, _plan.MeasureEnd);
        var answered = Latency.TotalCount == 0 ? -1 : Latency.GetMaxValue();
        foreach (var connection in _connections)
        {
            if (connection.Dead || connection.Waiting || connection.RequestNumber == 0 || connection.SentAt >= end)
            {
                continue;
            }

            var age = end - connection.SentAt;
            var recorded = Clock.ToNanoseconds(age) > answered;
            if (recorded)
            {
                Record(connection, end);
            }

            Outstanding.Add(connection.Index, connection.RequestNumber, age, recorded);
        }
    }

    /// <summary>Ends the current second of the timeline (only once the measurement has started).</summary>
    private void CloseSecond()
    {
        _seconds.Add(TakeSecond(_nextSecondAt));
        _nextSecondAt += Stopwatch.Frequency;
    }

    private SecondSample TakeSecond(long end) =>
        new(_nextSecondAt - Stopwatch.Frequency, end, Histograms.Take(_second), _secondUncorrected is null ? null : Histograms.Take(_secondUncorrected));

    private void Mismatch(LoadConnection connection, string detail)
    {
        _control.Fail(_http
            ? $"wrong HTTP response on connection {connection.Index}, {detail}"
            : $"payload mismatch on connection {connection.Index} {detail}");
        Drop(connection);
    }

    private void Lost(LoadConnection connection, string detail)
    {
        if (connection.Dead)
        {
            return;
        }

        _errors++;
        _control.Fail($"connection {connection.Index} lost: {detail} ({connection.RequestNumber - 1} requests completed on it)");
        Drop(connection);
    }

    private void Drop(LoadConnection connection)
    {
        if (connection.Waiting)
        {
            connection.Waiting = false;
            _waiting--;
        }

        connection.Dead = true;
        Native.EpollCtl(_epfd, Native.EPOLL_CTL_DEL, connection.Fd, null);
    }

    private static string Errno(int errno) => errno switch
    {
        32 => "broken pipe",
        104 => "connection reset by peer",
        110 => "timed out",
        111 => "connection refused",
        _ => TlsIo.Describe(errno),
    };

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Native.Close(_epfd);
        foreach (var connection in _connections)
        {
            if (connection.Response is not null)
            {
                NativeMemory.Free(connection.Response);
                connection.Response = null;
            }
        }

        NativeMemory.AlignedFree(_readBuffer);
        NativeMemory.Free(_events);
    }
}
