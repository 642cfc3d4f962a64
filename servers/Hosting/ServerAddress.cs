using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace VmBench.Servers.Hosting;

/// <summary>Parses the contract's <c>--addr</c>: <c>HOST:PORT</c>, <c>[IPv6]:PORT</c> or <c>unix:/path</c>.</summary>
public static class ServerAddress
{
    public const string UnixPrefix = "unix:";

    public static bool TryParse(string text, [NotNullWhen(true)] out EndPoint? endPoint, [NotNullWhen(false)] out string? error)
    {
        endPoint = null;
        if (text.StartsWith(UnixPrefix, StringComparison.Ordinal))
        {
            var path = text[UnixPrefix.Length..];
            if (path.Length == 0)
            {
                error = $"'{text}': the unix socket path is empty (use unix:/path/to.sock)";
                return false;
            }

            endPoint = new UnixDomainSocketEndPoint(path);
            error = null;
            return true;
        }

        if (!IPEndPoint.TryParse(text, out var ip) || text.LastIndexOf(':') < 0 || text.EndsWith(']'))
        {
            error = $"'{text}' is not HOST:PORT, [IPv6]:PORT or unix:/path (e.g. 127.0.0.1:25000)";
            return false;
        }

        endPoint = ip;
        error = null;
        return true;
    }

    public static EndPoint Parse(string text) =>
        TryParse(text, out var endPoint, out var error) ? endPoint : throw new FormatException(error);

    /// <summary>The contract's text form of an endpoint (the inverse of <see cref="Parse"/>).</summary>
    public static string Format(EndPoint endPoint) => endPoint switch
    {
        UnixDomainSocketEndPoint unix => UnixPrefix + unix.ToString(),
        IPEndPoint ip => ip.ToString(),
        _ => endPoint.ToString() ?? string.Empty,
    };

    /// <summary>The port of an IP endpoint, as text; empty for a unix socket.</summary>
    public static string PortOf(EndPoint endPoint) =>
        endPoint is IPEndPoint ip ? ip.Port.ToString(CultureInfo.InvariantCulture) : string.Empty;

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
