using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using VmBench.Servers.Hosting;
using VmBench.Servers.Threads.Internal;

namespace VmBench.Servers.Threads;

/// <summary>
/// The classic baseline: blocking sockets, an accept loop on its own thread and one dedicated
/// background thread per connection doing blocking Receive and Send.
/// </summary>
public sealed class ThreadsEchoServer : IEchoServer
{
    private const int ConnectionStackSize = 256 * 1024;

    private readonly ConcurrentDictionary<Socket, Thread> _connections = new();
    private readonly TaskCompletionSource _acceptStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _connectionsClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Socket? _listener;
    private ServerOptions? _options;
    private volatile bool _stopping;

    public IReadOnlyCollection<ServerMode> Modes { get; } = [ServerMode.Echo, ServerMode.Readline];

    public EndPoint LocalEndPoint => _listener?.LocalEndPoint ?? throw new InvalidOperationException("The server is not started.");

    public ValueTask StartAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_listener is not null || _stopping)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        var listener = Listener.Open(options.EndPoint);

        _options = options;
        _listener = listener;
        new Thread(AcceptLoop) { IsBackground = true, Name = "threads accept" }.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask StopAsync(CancellationToken cancellationToken)
    {
        if (_listener is null || _stopping)
        {
            return;
        }

        _stopping = true;
        _listener.Dispose(); // unblocks Accept
        await _acceptStopped.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var socket in _connections.Keys)
        {
            socket.Dispose(); // unblocks that connection's Receive or Send
        }

        if (_connections.IsEmpty)
        {
            _connectionsClosed.TrySetResult();
        }

        await _connectionsClosed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    private void AcceptLoop()
    {
        try
        {
            while (!_stopping)
            {
                Socket client;
                try
                {
                    client = _listener!.Accept();
                }
                catch (SocketException) when (!_stopping)
                {
                    continue; // e.g. ECONNABORTED: the listener itself is still good
                }

                Listener.Accepted(client);

                var thread = new Thread(Serve, ConnectionStackSize) { IsBackground = true, Name = "threads connection" };
                _connections[client] = thread;
                if (_stopping)
                {
                    client.Dispose(); // StopAsync may have missed it: its thread ends at once
                }

                thread.Start(client);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The listener was closed by StopAsync.
        }
        finally
        {
            _acceptStopped.TrySetResult();
        }
    }

    private void Serve(object? state)
    {
        var client = (Socket)state!;
        try
        {
            if (_options!.Mode == ServerMode.Readline)
            {
                BlockingConnection.Readline(client, _options.MaxLineLength);
            }
            else
            {
                BlockingConnection.Echo(client);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The peer reset or the server is stopping: either way this connection is done.
        }
        finally
        {
            client.Dispose();
            _connections.TryRemove(client, out _);
            if (_stopping && _connections.IsEmpty)
            {
                _connectionsClosed.TrySetResult();
            }
        }
    }
}
