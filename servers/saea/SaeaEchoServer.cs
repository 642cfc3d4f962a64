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
    private readonly ConnectionLifecycle _connections = new();
    private readonly ConcurrentStack<SaeaConnection> _pool = new();
    private readonly TaskCompletionSource _acceptStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SocketAsyncEventArgs _acceptArgs = new();
    private Socket? _listener;
    private ServerOptions? _options;

    public IReadOnlyCollection<ServerMode> Modes { get; } = [ServerMode.Echo, ServerMode.Readline];

    public EndPoint LocalEndPoint => _connections.LocalEndPoint;

    public ValueTask StartAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        _listener = _connections.Listen(options.EndPoint);
        _options = options;
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
        await _connections.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_listener is not null)
        {
            await _acceptStopped.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        _acceptArgs.Dispose();
        while (_pool.TryPop(out var connection))
        {
            connection.Dispose();
        }
    }

    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    /// <summary>Accepts until an accept is pending; synchronous completions loop here instead of recursing.</summary>
    private void Accept()
    {
        var args = _acceptArgs;
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
            if (_connections.Stopping.IsCancellationRequested || args.SocketError == SocketError.OperationAborted)
            {
                _acceptStopped.TrySetResult();
                return false;
            }

            return true; // e.g. ECONNABORTED: the listener itself is still good
        }

        if (!_connections.TryAdd(Listener.Accepted(client)))
        {
            return true; // the stop has begun: the next accept fails on the closed listener
        }

        if (!_pool.TryPop(out var connection))
        {
            connection = new SaeaConnection(Release);
        }

        connection.Start(client, _options!);
        return true;
    }

    /// <summary>Back to the pool first: the stop, once the last connection is released, disposes what the pool holds.</summary>
    private void Release(SaeaConnection connection, Socket socket)
    {
        _pool.Push(connection);
        _connections.Close(socket);
    }
}
