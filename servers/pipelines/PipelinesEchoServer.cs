using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using VmBench.Servers.Hosting;
using VmBench.Servers.Pipelines.Internal;

namespace VmBench.Servers.Pipelines;

/// <summary>
/// System.IO.Pipelines over a socket, the "streams" style: each connection reads through a
/// <see cref="PipeReader"/> and writes through a <see cref="PipeWriter"/> over its
/// <see cref="NetworkStream"/>, with <see cref="System.Buffers.SequenceReader{T}"/> finding lines.
/// </summary>
public sealed class PipelinesEchoServer : IEchoServer
{
    private readonly ConcurrentDictionary<Socket, Task> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private ServerOptions? _options;

    public IReadOnlyCollection<ServerMode> Modes { get; } = [ServerMode.Echo, ServerMode.Readline];

    public EndPoint LocalEndPoint => _listener?.LocalEndPoint ?? throw new InvalidOperationException("The server is not started.");

    public ValueTask StartAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_listener is not null)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        var listener = Listener.Open(options.EndPoint);

        _options = options;
        _listener = listener;
        _acceptLoop = Listener.AcceptLoopAsync(listener, Serve, _stopping.Token);
        return ValueTask.CompletedTask;
    }

    public async ValueTask StopAsync(CancellationToken cancellationToken)
    {
        if (_listener is null || _stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        foreach (var socket in _connections.Keys)
        {
            socket.Dispose();
        }

        await Task.WhenAll(_connections.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Serve(Socket client)
    {
        _connections[client] = ServeAsync(client, _stopping.Token);
        if (_stopping.IsCancellationRequested)
        {
            client.Dispose(); // StopAsync may have missed it
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        await Task.Yield();
        PipeConnection? connection = null;
        try
        {
            connection = new PipeConnection(client); // throws if StopAsync already closed the socket
            if (_options!.Mode == ServerMode.Readline)
            {
                await connection.ReadlineAsync(_options.MaxLineLength, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await connection.EchoAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer reset or the server is stopping: either way this connection is done.
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            client.Dispose();
            _connections.TryRemove(client, out _); // only now: until closed, StopAsync must see it
        }
    }
}
