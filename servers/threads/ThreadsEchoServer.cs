using System.Net;
using System.Net.Sockets;
using VmBench.Servers.Hosting;
using VmBench.Servers.Threads.Internal;

namespace VmBench.Servers.Threads;

/// <summary>
/// The classic baseline: blocking sockets, an accept loop on its own thread and one dedicated
/// background thread per connection doing blocking Receive and Send (with TLS, blocking reads and writes of an
/// <see cref="System.Net.Security.SslStream"/>, its handshake included).
/// </summary>
public sealed class ThreadsEchoServer : IEchoServer
{
    private const int ConnectionStackSize = 256 * 1024;

    private readonly ConnectionLifecycle _connections = new();
    private ServerOptions? _options;

    public IReadOnlyCollection<ServerMode> Modes { get; } = [ServerMode.Echo, ServerMode.Readline];

    public bool SupportsTls => true;

    public EndPoint LocalEndPoint => _connections.LocalEndPoint;

    public ValueTask StartAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var listener = _connections.Listen(options.EndPoint);
        _options = options;
        new Thread(() => AcceptLoop(listener)) { IsBackground = true, Name = "threads accept" }.Start();
        return ValueTask.CompletedTask;
    }

    /// <summary>Closes the listener (which unblocks Accept) and every connection (which unblocks its Receive or Send).</summary>
    public ValueTask StopAsync(CancellationToken cancellationToken) => new(_connections.StopAsync(cancellationToken));

    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    private void AcceptLoop(Socket listener)
    {
        try
        {
            while (true)
            {
                Socket client;
                try
                {
                    client = listener.Accept();
                }
                catch (SocketException) when (!_connections.Stopping.IsCancellationRequested)
                {
                    continue; // e.g. ECONNABORTED: the listener itself is still good
                }

                if (_connections.TryAdd(Listener.Accepted(client)))
                {
                    new Thread(Serve, ConnectionStackSize) { IsBackground = true, Name = "threads connection" }.Start(client);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The listener was closed by StopAsync.
        }
    }

    private void Serve<TIo>(TIo io)
        where TIo : struct, IBlockingIo
    {
        if (_options!.Mode == ServerMode.Readline)
        {
            BlockingConnection.Readline(io, _options.MaxLineLength);
        }
        else
        {
            BlockingConnection.Echo(io);
        }
    }

    private void Serve(object? state)
    {
        var client = (Socket)state!;
        try
        {
            if (_options!.Tls is { } tls)
            {
                using var stream = tls.Authenticate(client);
                Serve(new TlsIo(stream, client));
            }
            else
            {
                Serve(new PlainIo(client));
            }
        }
        catch (Exception ex) when (ServerTls.IsConnectionEnd(ex))
        {
            // The peer reset, its TLS handshake failed or the server is stopping: either way this connection is done.
        }
        finally
        {
            _connections.Close(client);
        }
    }
}
