using System.Buffers;
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

    private readonly ConnectionLifecycle _connections = new();
    private ServerOptions? _options;

    public IReadOnlyCollection<ServerMode> Modes { get; } = [ServerMode.Echo, ServerMode.Readline];

    public EndPoint LocalEndPoint => _connections.LocalEndPoint;

    public ValueTask StartAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connections.Listen(options.EndPoint);
        _options = options;
        _connections.StartAccepting(ServeAsync);
        return ValueTask.CompletedTask;
    }

    public ValueTask StopAsync(CancellationToken cancellationToken) => new(_connections.StopAsync(cancellationToken));

    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    private Task ServeAsync(Socket client, CancellationToken cancellationToken) => _options!.Mode == ServerMode.Readline
        ? ReadlineAsync(client, _options.MaxLineLength, cancellationToken)
        : EchoAsync(client, cancellationToken);

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
