using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using VmBench.Servers.Hosting;
using VmBench.Servers.Pipelines.Internal;

namespace VmBench.Servers.Pipelines;

/// <summary>
/// System.IO.Pipelines over a socket, the "streams" style: each connection reads through a
/// <see cref="PipeReader"/> and writes through a <see cref="PipeWriter"/> over its
/// <see cref="NetworkStream"/> (with TLS, over an <see cref="System.Net.Security.SslStream"/> on it), with
/// <see cref="System.Buffers.SequenceReader{T}"/> finding lines.
/// </summary>
public sealed class PipelinesEchoServer : IEchoServer
{
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

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        var connection = _options!.Tls is { } tls
            ? new PipeConnection(client, await tls.AuthenticateAsync(client, cancellationToken).ConfigureAwait(false))
            : new PipeConnection(client); // throws if the stop already closed the socket
        await using (connection.ConfigureAwait(false))
        {
            if (_options!.Mode == ServerMode.Readline)
            {
                await connection.ReadlineAsync(_options.MaxLineLength, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await connection.EchoAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
