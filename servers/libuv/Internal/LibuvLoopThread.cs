using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using VmBench.Servers.Hosting;
using VmBench.Servers.Libuv.Interop;

namespace VmBench.Servers.Libuv.Internal;

/// <summary>
/// The dedicated thread that owns the loop and every handle on it. Other threads reach it only
/// through <see cref="Post"/> (a queue and <c>uv_async_send</c>). Stopping closes every handle
/// found by <c>uv_walk</c>, runs the loop until the close callbacks are done and closes the loop.
/// A loop listens itself, or (one of several loops) serves the connections <see cref="Adopt"/> hands it.
/// </summary>
internal sealed class LibuvLoopThread
{
    private const int Backlog = 4096;

    private readonly ServerOptions _options;
    private readonly bool _listens;
    private readonly Thread _thread;
    private readonly Lock _postLock = new();
    private readonly ConcurrentQueue<Action> _posted = new();
    private readonly TaskCompletionSource<EndPoint?> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private UvLoopHandle? _loop;
    private UvAsyncHandle? _async;
    private EchoLoopContext? _context;
    private bool _open;

    /// <param name="listens">Whether the loop listens on the options' endpoint itself; otherwise it serves only what it is handed.</param>
    public LibuvLoopThread(ServerOptions options, bool listens = true, int number = 0)
    {
        _options = options;
        _listens = listens;
        _thread = new Thread(Run) { IsBackground = true, Name = $"libuv loop {number}" };
    }

    /// <summary>Completes once the loop runs: with the bound endpoint when it listens (or the bind error), null when it does not.</summary>
    public Task<EndPoint?> Started => _started.Task;

    /// <summary>Completes when the loop is closed and the thread is about to end.</summary>
    public Task Stopped => _stopped.Task;

    public void Start() => _thread.Start();

    public void Join() => _thread.Join();

    /// <summary>Runs <paramref name="action"/> on the loop thread; false once the loop is stopping.</summary>
    public bool Post(Action action)
    {
        lock (_postLock)
        {
            if (!_open)
            {
                return false;
            }

            _posted.Enqueue(action);
            _async!.Send();
            return true;
        }
    }

    public Task<T> InvokeAsync<T>(Func<T> function)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var posted = Post(() =>
        {
            try
            {
                result.SetResult(function());
            }
            catch (Exception ex)
            {
                result.SetException(ex);
            }
        });
        if (!posted)
        {
            result.SetException(new InvalidOperationException("The libuv loop is not running."));
        }

        return result.Task;
    }

    /// <summary>
    /// Serves an accepted connection's descriptor on this loop, which owns it from now on (closes it when the loop
    /// is stopping or libuv refuses it).
    /// </summary>
    public void Adopt(int descriptor, bool tcp)
    {
        if (!Post(() => Open(descriptor, tcp)))
        {
            Descriptors.Close(descriptor);
        }
    }

    /// <summary>Asks the loop to close everything; <see cref="Stopped"/> completes when it has.</summary>
    public void RequestStop() => Post(CloseAll);

    /// <summary>Handles on the loop (<c>uv_walk</c>), closing ones included; loop thread only.</summary>
    public int CountHandles() => _loop!.Walk().Count;

    /// <summary>Read blocks handed out and not yet returned; loop thread only.</summary>
    public int CountOutstandingBuffers() => _context!.Buffers.Outstanding;

    private void Run()
    {
        var loop = new UvLoopHandle();
        try
        {
            loop.Init();
        }
        catch (Exception ex)
        {
            _started.SetException(ex);
            _stopped.SetResult();
            return;
        }

        _loop = loop;
        var context = new EchoLoopContext(loop, _options);
        _context = context;
        Exception? failure = null;
        try
        {
            _async = new UvAsyncHandle(loop, RunPosted);
            var endPoint = _listens ? Listen(loop, context) : null;
            lock (_postLock)
            {
                _open = true;
            }

            _started.SetResult(endPoint);
            loop.Run();
        }
        catch (Exception ex)
        {
            // A bind or listen failure (before Started completes) goes to StartAsync, anything later to Stopped.
            if (!_started.TrySetException(ex))
            {
                failure = ex;
            }
        }
        finally
        {
            CloseAll();
            loop.Run(); // until every close callback has run
            context.Dispose();
            loop.Dispose();
        }

        failure ??= loop.Failure;
        if (failure is not null)
        {
            _stopped.SetException(failure);
        }
        else if (loop.CloseResult != 0)
        {
            _stopped.SetException(UvErrors.ToException(loop.CloseResult, "uv_loop_close"));
        }
        else
        {
            _stopped.SetResult();
        }
    }

    private EndPoint Listen(UvLoopHandle loop, EchoLoopContext context)
    {
        switch (_options.EndPoint)
        {
            case IPEndPoint ip:
                var tcp = new UvTcpHandle(loop);
                tcp.Bind(ip);
                tcp.Listen(Backlog, new EchoListener(context, tcp: true));
                return tcp.GetSockName();
            case UnixDomainSocketEndPoint unix:
                var pipe = new UvPipeHandle(loop);
                pipe.Bind(unix.ToString());
                pipe.Listen(Backlog, new EchoListener(context, tcp: false));
                return unix;
            default:
                throw new ArgumentException($"Unsupported endpoint {_options.EndPoint}.", nameof(_options));
        }
    }

    private void Open(int descriptor, bool tcp)
    {
        UvStreamHandle client = tcp ? new UvTcpHandle(_loop!) : new UvPipeHandle(_loop!);
        if (client.Open(descriptor) < 0)
        {
            client.Dispose();
            Descriptors.Close(descriptor);
            return;
        }

        _context!.Serve(client);
    }

    private void RunPosted()
    {
        while (_posted.TryDequeue(out var action))
        {
            action();
        }
    }

    private void CloseAll()
    {
        lock (_postLock)
        {
            _open = false; // no uv_async_send from now on: the async handle is about to close
        }

        RunPosted();
        foreach (var handle in _loop!.Walk())
        {
            if (!handle.IsClosing)
            {
                handle.Dispose();
            }
        }
    }
}
