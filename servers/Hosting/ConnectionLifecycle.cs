using System.Net;
using System.Net.Sockets;

namespace VmBench.Servers.Hosting;

/// <summary>
/// A socket server's listener and open connections, from accept to stop. Every accepted connection
/// is tracked until it ends; <see cref="StopAsync"/> closes the listener, then every tracked
/// connection, and waits until each has ended. A connection accepted while the stop runs is closed
/// at once, never leaked: the check and the tracking are one step under a lock.
/// </summary>
public sealed class ConnectionLifecycle
{
    private readonly Lock _lock = new();
    private readonly HashSet<Socket> _open = [];
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task> _stop;
    private Socket? _listener;
    private EndPoint? _localEndPoint;
    private Task _accepting = Task.CompletedTask;
    private bool _closing;

    public ConnectionLifecycle() => _stop = new Lazy<Task>(CloseAllAsync);

    /// <summary>The bound endpoint (with the real port when 0 was asked), still known after the stop.</summary>
    public EndPoint LocalEndPoint => _localEndPoint ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>Cancelled when the stop begins.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Opens the listener (<see cref="Listener.Open"/>) on <paramref name="endPoint"/>; once, before the stop.</summary>
    public Socket Listen(EndPoint endPoint)
    {
        if (_listener is not null || _closing)
        {
            throw new InvalidOperationException("The server is already started: a server listens once.");
        }

        _listener = Listener.Open(endPoint);
        _localEndPoint = _listener.LocalEndPoint;
        return _listener;
    }

    /// <summary>
    /// Starts the accept loop (<see cref="Listener.AcceptLoopAsync"/>): each connection is tracked, then
    /// served by <paramref name="serve"/> on the thread pool; its end (the peer gone, the stop) ends the
    /// tracking and closes the socket.
    /// </summary>
    public void StartAccepting(Func<Socket, CancellationToken, Task> serve)
    {
        ArgumentNullException.ThrowIfNull(serve);
        var listener = _listener ?? throw new InvalidOperationException("Listen first: there is no listener to accept on.");
        _accepting = Listener.AcceptLoopAsync(listener, client => _ = TryAdd(client) ? ServeAsync(client, serve) : Task.CompletedTask, Stopping);
    }

    /// <summary>Tracks an accepted connection; false, with the socket already closed, once the stop has begun.</summary>
    public bool TryAdd(Socket connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (_lock)
        {
            if (!_closing)
            {
                return _open.Add(connection);
            }
        }

        connection.Dispose();
        return false;
    }

    /// <summary>Closes a tracked connection that has ended and stops tracking it; once per connection, by whichever path saw it end.</summary>
    public void Close(Socket connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Dispose();
        lock (_lock)
        {
            if (_open.Remove(connection) && _closing && _open.Count == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Closes the listener and every tracked connection (their pending I/O fails, and each ends with
    /// <see cref="Close"/>), then waits for the accept loop and every connection to end. Idempotent:
    /// every call waits for the same, single stop.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken) => _stop.Value.WaitAsync(cancellationToken);

    private async Task CloseAllAsync()
    {
        Socket[] open;
        lock (_lock)
        {
            _closing = true; // from here TryAdd closes what it is given
            open = [.. _open];
            if (open.Length == 0)
            {
                _drained.TrySetResult();
            }
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        foreach (var connection in open)
        {
            connection.Dispose();
        }

        await _accepting.ConfigureAwait(false);
        await _drained.Task.ConfigureAwait(false);
    }

    private async Task ServeAsync(Socket connection, Func<Socket, CancellationToken, Task> serve)
    {
        await Task.Yield(); // a connection that keeps completing synchronously must not hold the accept loop
        try
        {
            await serve(connection, Stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ServerTls.IsConnectionEnd(ex))
        {
            // The peer reset, its TLS handshake failed or the server is stopping: either way this connection is done.
        }
        finally
        {
            Close(connection);
        }
    }
}
