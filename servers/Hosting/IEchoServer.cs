using System.Net;

namespace VmBench.Servers.Hosting;

/// <summary>
/// A .NET echo server that can be hosted in-process: the server executables and the
/// micro-benchmarks run the same code through this interface.
/// </summary>
public interface IEchoServer : IAsyncDisposable
{
    /// <summary>The modes this server implements.</summary>
    IReadOnlyCollection<ServerMode> Modes { get; }

    /// <summary>True when the server serves its echo and readline modes over TLS (<see cref="ServerOptions.Tls"/>); a server that does not is refused the TLS flags.</summary>
    bool SupportsTls => false;

    /// <summary>The bound endpoint (with the real port when 0 was asked); valid after <see cref="StartAsync"/>.</summary>
    EndPoint LocalEndPoint { get; }

    /// <summary>Binds and starts accepting; completes once the server is listening.</summary>
    ValueTask StartAsync(ServerOptions options, CancellationToken cancellationToken);

    /// <summary>Stops accepting, closes open connections and releases every resource.</summary>
    ValueTask StopAsync(CancellationToken cancellationToken);
}
