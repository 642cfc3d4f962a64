using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using VmBench.Servers.Hosting;
using VmBench.Servers.Saea.Internal;

namespace VmBench.Servers.Saea;

/// <summary>
/// <see cref="SocketAsyncEventArgs"/> callbacks, the "protocol" style: no async/await on the I/O
/// path. One accept event args for the listener; per connection one event args and one buffer,
/// pooled and reused, receiving into the buffer and sending the same bytes back.
/// </summary>
public sealed class SaeaEchoServer : IEchoServer
{
    private readonly ConcurrentDictionary<Socket, SaeaConnection> _connections = new();
    private readonly ConcurrentStack<SaeaConnection> _pool = new();
    private readonly TaskCompletionSource _acceptStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _connectionsClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SocketAsyncEventArgs? _acceptArgs;
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
        _acceptArgs = new SocketAsyncEventArgs();
        _acceptArgs.Completed += (_, args) =>
        {
            if (OnAccepted(args))
            {
                Accept();
            }
        };
        Accept();
        return ValueTask.CompletedTask;
    }

    public async ValueTask StopAsync(CancellationToken cancellationToken)
    {
        if (_listener is null || _stopping)
        {
            return;
        }

        _stopping = true;
        _listener.Dispose();
        await _acceptStopped.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var socket in _connections.Keys)
        {
            socket.Dispose(); // the pending receive or send completes with an error and releases the connection
        }

        if (_connections.IsEmpty)
        {
            _connectionsClosed.TrySetResult();
        }

        await _connectionsClosed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        _acceptArgs?.Dispose();
        while (_pool.TryPop(out var connection))
        {
            connection.Dispose();
        }
    }

    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    /// <summary>Accepts until an accept is pending; synchronous completions loop here instead of recursing.</summary>
    private void Accept()
    {
        var args = _acceptArgs!;
        while (true)
        {
            args.AcceptSocket = null;
            bool pending;
            try
            {
                pending = _listener!.AcceptAsync(args);
            }
            catch (ObjectDisposedException)
            {
                _acceptStopped.TrySetResult();
                return;
            }

            if (pending || !OnAccepted(args))
            {
                return;
            }
        }
    }

    /// <summary>Starts serving an accepted socket; false when the listener is closed.</summary>
    private bool OnAccepted(SocketAsyncEventArgs args)
    {
        var client = args.AcceptSocket;
        args.AcceptSocket = null;
        if (args.SocketError != SocketError.Success || client is null)
        {
            client?.Dispose();
            if (_stopping || args.SocketError == SocketError.OperationAborted)
            {
                _acceptStopped.TrySetResult();
                return false;
            }

            return true; // e.g. ECONNABORTED: the listener itself is still good
        }

        if (_stopping)
        {
            client.Dispose();
            return true;
        }

        Listener.Accepted(client);

        if (!_pool.TryPop(out var connection))
        {
            connection = new SaeaConnection(Release);
        }

        _connections[client] = connection;
        if (_stopping)
        {
            client.Dispose(); // StopAsync may have missed it: the connection's first receive fails and releases it
        }

        connection.Start(client, _options!);
        return true;
    }

    private void Release(SaeaConnection connection, Socket socket)
    {
        _connections.TryRemove(socket, out _);
        _pool.Push(connection);
        if (_stopping && _connections.IsEmpty)
        {
            _connectionsClosed.TrySetResult();
        }
    }
}
