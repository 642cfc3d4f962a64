using System.Net;

namespace VmBench.Servers.Hosting;

/// <summary>Where and how a server listens.</summary>
/// <param name="EndPoint">An <see cref="IPEndPoint"/> (port 0 picks a free port) or a <see cref="System.Net.Sockets.UnixDomainSocketEndPoint"/>.</param>
/// <param name="Mode">The protocol to serve.</param>
/// <param name="MaxLineLength">Readline mode: the longest line, newline included, before the connection is dropped.</param>
/// <param name="Tls">TLS on every connection (<c>--tls-cert</c>, <c>--tls-key</c>); null for plain TCP or a unix socket as they are.</param>
public sealed record ServerOptions(EndPoint EndPoint, ServerMode Mode, int MaxLineLength = ServerOptions.DefaultMaxLineLength, ServerTls? Tls = null)
{
    /// <summary>4 MiB: room for the suite's largest payloads, a hard cap on one connection's memory.</summary>
    public const int DefaultMaxLineLength = 4 * 1024 * 1024;
}
