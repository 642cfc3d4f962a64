using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Sockets;

/// <summary>
/// System.Net.Sockets with async/await: an accept loop and one task per connection, each
/// receiving into a pooled buffer and sending the same memory back.
/// </summary>
public sealed class SocketsEchoServer : IEchoServer
{
    private const int BufferSize = 128 * 1024;

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
        _options = options;
        var listener = Listener.Open(options.EndPoint);

        _listener = listener;
        _acceptLoop = Listener.AcceptLoopAsync(listener, Serve, _stopping.Token);
        return ValueTask.CompletedTask;
    }

    public async ValueTask StopAsync(CancellationToken cancellationToken)
    {
        if (_listener is null)
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
        _listener = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Serve(Socket client) => _connections[client] = ServeAsync(client, _stopping.Token);

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            if (_options!.Mode == ServerMode.Readline)
            {
                await ReadlineAsync(client, _options.MaxLineLength, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await EchoAsync(client, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer reset or the server is stopping: either way this connection is done.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            client.Dispose();
        }
    }

    private static async Task EchoAsync(Socket client, CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitForDataAsync(client, cancellationToken).ConfigureAwait(false);
            var rented = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                var read = await client.ReceiveAsync(rented.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    client.Shutdown(SocketShutdown.Send);
                    return;
                }

                await SendAllAsync(client, rented.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static async Task ReadlineAsync(Socket client, int maxLineLength, CancellationToken cancellationToken)
    {
        byte[]? rented = null;
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == 0)
                {
                    // Nothing pending: hold no buffer while the client is quiet.
                    if (rented is not null)
                    {
                        ArrayPool<byte>.Shared.Return(rented);
                        rented = null;
                    }

                    await WaitForDataAsync(client, cancellationToken).ConfigureAwait(false);
                    rented = ArrayPool<byte>.Shared.Rent(BufferSize);
                }
                else if (filled == rented!.Length)
                {
                    if (rented.Length >= maxLineLength)
                    {
                        return; // an endless line: drop the connection, memory stays bounded
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(rented.Length * 2, maxLineLength));
                    rented.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(rented);
                    rented = larger;
                }

                var room = Math.Min(rented.Length, maxLineLength) - filled;
                var read = await client.ReceiveAsync(rented.AsMemory(filled, room), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    client.Shutdown(SocketShutdown.Send);
                    return;
                }

                var scanFrom = filled;
                filled += read;
                var complete = LineScanner.CompleteLength(rented.AsSpan(scanFrom, filled - scanFrom));
                if (complete == 0)
                {
                    if (filled >= maxLineLength)
                    {
                        return;
                    }

                    continue;
                }

                complete += scanFrom;
                await SendAllAsync(client, rented.AsMemory(0, complete), cancellationToken).ConfigureAwait(false);
                rented.AsSpan(complete, filled - complete).CopyTo(rented);
                filled -= complete;
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A zero-byte receive: completes when data (or EOF) is there, so a quiet connection holds no buffer (as Kestrel does).</summary>
    private static ValueTask<int> WaitForDataAsync(Socket client, CancellationToken cancellationToken) =>
        client.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, cancellationToken);

    private static async ValueTask SendAllAsync(Socket client, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await client.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            data = data[sent..];
        }
    }
}
