using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace VmBench.Servers.Hosting;

/// <summary>The server side of the contract's <c>--addr</c> (parsed and printed by <see cref="Address"/>): what to bind, and the unix socket file.</summary>
public static class ServerAddress
{
    /// <summary>An endpoint a server can bind: an IP address or a unix socket (a server is not told a host name to look up).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out EndPoint? endPoint, [NotNullWhen(false)] out string? error)
    {
        endPoint = Address.TryParse(text, out var address, out error) ? address.EndPoint : null;
        if (endPoint is DnsEndPoint)
        {
            (endPoint, error) = (null, $"bad address '{text}': a server listens on an IP address or a unix socket, not on a host name (127.0.0.1:PORT, [::1]:PORT or unix:/path)");
        }

        return endPoint is not null;
    }

    /// <summary>The contract's text form of an endpoint.</summary>
    public static string Format(EndPoint endPoint) => Address.Of(endPoint).ToString();

    /// <summary>Removes a stale unix socket file left by a crashed process, so bind can succeed.</summary>
    public static void RemoveStaleUnixSocket(EndPoint endPoint)
    {
        if (endPoint is UnixDomainSocketEndPoint unix && unix.ToString() is { Length: > 0 } path && File.Exists(path)
            && (File.GetAttributes(path) & FileAttributes.Directory) == 0)
        {
            File.Delete(path);
        }
    }
}
