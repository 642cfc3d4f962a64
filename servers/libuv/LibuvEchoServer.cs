using System.Net;
using VmBench.Servers.Hosting;
using VmBench.Servers.Libuv.Interop;
using VmBench.Servers.Libuv.Internal;

namespace VmBench.Servers.Libuv;

/// <summary>
/// Echo and readline on libuv loops (Debian's <c>libuv.so.1</c>): each a dedicated loop thread,
/// reads into pooled native blocks that are written straight back, no allocation per message.
/// One loop listens itself; several get their connections in turn from one acceptor thread.
/// </summary>
public sealed class LibuvEchoServer : IEchoServer
{
    private readonly int _loopCount;
    private LibuvLoopThread[]? _loops;
    private LoopAcceptor? _acceptor;
    private EndPoint? _localEndPoint;

    /// <summary>One loop (see the other constructor).</summary>
    public LibuvEchoServer()
        : this(1)
    {
    }

    /// <summary>Loads libuv; throws a one-line <see cref="DllNotFoundException"/> naming the fix when it cannot.</summary>
    /// <param name="loops">How many loops (threads) serve connections: one per CPU the server is given.</param>
    public LibuvEchoServer(int loops)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(loops, 1);
        UvLibrary.EnsureLoaded();
        _loopCount = loops;
    }

    public IReadOnlyCollection<ServerMode> Modes { get; } = [ServerMode.Echo, ServerMode.Readline];

    public EndPoint LocalEndPoint => _localEndPoint ?? throw new InvalidOperationException("The server is not started.");

    public async ValueTask StartAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_loops is not null)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        var listens = _loopCount == 1;
        var loops = new List<LibuvLoopThread>();
        try
        {
            for (var i = 0; i < _loopCount; i++)
            {
                var loop = new LibuvLoopThread(options, listens, i);
                loop.Start();
                loops.Add(loop);
                var endPoint = await loop.Started.WaitAsync(cancellationToken).ConfigureAwait(false);
                _localEndPoint = endPoint ?? _localEndPoint;
            }

            if (!listens)
            {
                var listener = Listener.Open(options.EndPoint);
                _localEndPoint = listener.LocalEndPoint;
                _acceptor = new LoopAcceptor(listener, loops);
            }
        }
        catch
        {
            _acceptor?.Dispose();
            _acceptor = null;
            try
            {
                await StopAllAsync(loops, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // the start's own failure below is the one to report
            }

            throw;
        }

        _loops = [.. loops];
    }

    public async ValueTask StopAsync(CancellationToken cancellationToken)
    {
        var loops = _loops;
        if (loops is null)
        {
            return;
        }

        _acceptor?.Dispose(); // no new connections first
        _acceptor = null;
        await StopAllAsync(loops, cancellationToken).ConfigureAwait(false);
        _loops = null;
    }

    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    /// <summary>
    /// Diagnostics: the handles on the loops (<c>uv_walk</c> on each loop thread): the listener of a single loop,
    /// an async handle per loop and one per open (or closing) connection.
    /// </summary>
    public async Task<int> CountHandlesAsync() => (await CountHandlesPerLoopAsync().ConfigureAwait(false)).Sum();

    /// <summary>Diagnostics: <see cref="CountHandlesAsync"/> loop by loop, to see how connections spread over them.</summary>
    public Task<int[]> CountHandlesPerLoopAsync() => Task.WhenAll(Started.Select(l => l.InvokeAsync(l.CountHandles)));

    /// <summary>Diagnostics: pooled read blocks currently handed out (0 when every connection is idle).</summary>
    public async Task<int> CountOutstandingBuffersAsync()
    {
        var counts = await Task.WhenAll(Started.Select(l => l.InvokeAsync(l.CountOutstandingBuffers))).ConfigureAwait(false);
        return counts.Sum();
    }

    private LibuvLoopThread[] Started => _loops ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>
    /// Stops every loop, each even when another failed (a loop that failed to start has cleaned up and ended on its
    /// own: its Stopped is complete); then throws the first failure.
    /// </summary>
    private static async Task StopAllAsync(IReadOnlyList<LibuvLoopThread> loops, CancellationToken cancellationToken)
    {
        foreach (var loop in loops)
        {
            loop.RequestStop();
        }

        Exception? first = null;
        foreach (var loop in loops)
        {
            try
            {
                await loop.Stopped.WaitAsync(cancellationToken).ConfigureAwait(false);
                loop.Join();
            }
            catch (Exception ex)
            {
                first ??= ex;
            }
        }

        if (first is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
    }
}
