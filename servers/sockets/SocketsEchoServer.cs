using System.Buffers;
using System.Net;
using System.Net.Sockets;
using VmBench.Servers.Hosting;
using VmBench.Servers.Sockets.Internal;

namespace VmBench.Servers.Sockets;

/// <summary>
/// System.Net.Sockets with async/await: an accept loop and one task per connection, each
/// receiving into a pooled buffer and sending the same memory back. With TLS the same loops run over an
/// <see cref="System.Net.Security.SslStream"/> per connection (<see cref="TlsIo"/>).
/// </summary>
public sealed class SocketsEchoServer : IEchoServer
{
    private const int BufferSize = 128 * 1024;

    private readonly ConnectionLifecycle _connections = new();
    private ServerOptions? _options;

    public IReadOnlyCollection<ServerMode> Modes { get; } = [ServerMode.Echo, ServerMode.Readline];

    public bool SupportsTls => true;

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

    private Task ServeAsync(Socket client, CancellationToken cancellationToken) =>
        _options!.Tls is { } tls ? ServeTlsAsync(client, tls, cancellationToken) : ServeAsync(new PlainIo(client), cancellationToken);

    private async Task ServeTlsAsync(Socket client, ServerTls tls, CancellationToken cancellationToken)
    {
        var stream = await tls.AuthenticateAsync(client, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await ServeAsync(new TlsIo(stream, client), cancellationToken).ConfigureAwait(false);
        }
    }

    private Task ServeAsync<TIo>(TIo io, CancellationToken cancellationToken)
        where TIo : struct, IConnectionIo => _options!.Mode == ServerMode.Readline
        ? ReadlineAsync(io, _options.MaxLineLength, cancellationToken)
        : EchoAsync(io, cancellationToken);

    private static async Task EchoAsync<TIo>(TIo io, CancellationToken cancellationToken)
        where TIo : struct, IConnectionIo
    {
        while (true)
        {
            await io.WaitForDataAsync(cancellationToken).ConfigureAwait(false);
            var rented = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                var read = await io.ReceiveAsync(rented.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    await io.CloseSendAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }

                await io.SendAllAsync(rented.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static async Task ReadlineAsync<TIo>(TIo io, int maxLineLength, CancellationToken cancellationToken)
        where TIo : struct, IConnectionIo
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

                    await io.WaitForDataAsync(cancellationToken).ConfigureAwait(false);
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
                var read = await io.ReceiveAsync(rented.AsMemory(filled, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    await io.CloseSendAsync(cancellationToken).ConfigureAwait(false);
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
                await io.SendAllAsync(rented.AsMemory(0, complete), cancellationToken).ConfigureAwait(false);
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
}
