using System.Net;
using VmBench.Servers.Hosting;
using VmBench.Servers.Libuv.Interop;
using VmBench.Servers.Libuv.Internal;

namespace VmBench.Servers.Libuv;

/// <summary>
/// Echo and readline on one libuv loop (Debian's <c>libuv.so.1</c>): a dedicated loop thread,
/// reads into pooled native blocks that are written straight back, no allocation per message.
/// </summary>
public sealed class LibuvEchoServer : IEchoServer
{
    private LibuvLoopThread? _loopThread;
    private EndPoint? _localEndPoint;

    /// <summary>Loads libuv; throws a one-line <see cref="DllNotFoundException"/> naming the fix when it cannot.</summary>
    public LibuvEchoServer()
    {
        UvLibrary.EnsureLoaded();
    }

    public IReadOnlyCollection<ServerMode> Modes { get; } = [ServerMode.Echo, ServerMode.Readline];

    public EndPoint LocalEndPoint => _localEndPoint ?? throw new InvalidOperationException("The server is not started.");

    public async ValueTask StartAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_loopThread is not null)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        var loopThread = new LibuvLoopThread(options);
        loopThread.Start();
        try
        {
            _localEndPoint = await loopThread.Started.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            loopThread.RequestStop();
            await loopThread.Stopped.ConfigureAwait(false);
            loopThread.Join();
            throw;
        }
        catch
        {
            loopThread.Join(); // the loop thread cleaned up and ended on its own
            throw;
        }

        _loopThread = loopThread;
    }

    public async ValueTask StopAsync(CancellationToken cancellationToken)
    {
        var loopThread = _loopThread;
        if (loopThread is null)
        {
            return;
        }

        loopThread.RequestStop();
        await loopThread.Stopped.WaitAsync(cancellationToken).ConfigureAwait(false);
        loopThread.Join();
        _loopThread = null;
    }

    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    /// <summary>
    /// Diagnostics: the number of handles on the loop (<c>uv_walk</c> on the loop thread): the
    /// listener, the async handle and one per open (or closing) connection.
    /// </summary>
    public Task<int> CountHandlesAsync()
    {
        var loopThread = _loopThread ?? throw new InvalidOperationException("The server is not started.");
        return loopThread.InvokeAsync(loopThread.CountHandles);
    }

    /// <summary>Diagnostics: pooled read blocks currently handed out (0 when every connection is idle).</summary>
    public Task<int> CountOutstandingBuffersAsync()
    {
        var loopThread = _loopThread ?? throw new InvalidOperationException("The server is not started.");
        return loopThread.InvokeAsync(loopThread.CountOutstandingBuffers);
    }
}
