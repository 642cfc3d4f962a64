using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace VmBench.Load.Internal;

/// <summary>
/// A parsed <c>--addr</c>: <c>127.0.0.1:PORT</c>, <c>[::1]:PORT</c> (a zone id allowed: <c>[::1%1]:PORT</c>),
/// <c>localhost:PORT</c>, <c>HOST:PORT</c> or <c>unix:/path</c>. Parsing never looks a name up: <c>localhost</c> is
/// 127.0.0.1, any other name stays a name (not loopback) until <see cref="Resolve"/>, so a refused target is refused before any DNS query.
/// </summary>
internal sealed class TargetAddress
{
    private const string UnixPrefix = "unix:";

    private TargetAddress(string text, string host, EndPoint endPoint, bool isUnix)
    {
        Text = text;
        Host = host;
        EndPoint = endPoint;
        IsUnix = isUnix;
    }

    public string Text { get; }

    /// <summary>The host part as written (for the HTTP Host header); "localhost" for unix sockets.</summary>
    public string Host { get; }

    public EndPoint EndPoint { get; }

    public bool IsUnix { get; }

    public bool IsLoopback => IsUnix || (EndPoint is IPEndPoint ip && IsLoopbackAddress(ip.Address));

    public AddressFamily Family => EndPoint.AddressFamily;

    public ProtocolType Protocol => IsUnix ? ProtocolType.Unspecified : ProtocolType.Tcp;

    /// <summary>Parses the address without any lookup ("localhost" is 127.0.0.1; other names wait for <see cref="Resolve"/>). Throws <see cref="ArgumentException"/> with a one-line reason.</summary>
    public static TargetAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith(UnixPrefix, StringComparison.Ordinal))
        {
            var path = text[UnixPrefix.Length..];
            if (path.Length == 0)
            {
                throw new ArgumentException($"bad address '{text}': unix: needs a socket path (unix:/tmp/echo.sock)");
            }

            return new TargetAddress(text, "localhost", new UnixDomainSocketEndPoint(path), isUnix: true);
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new ArgumentException($"bad address '{text}': expected HOST:PORT ([::1]:PORT for IPv6) or unix:/path");
        }

        var host = text[..colon];
        var portText = text[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"bad address '{text}': port '{portText}' is not a number from 1 to 65535");
        }

        string bare;
        if (host.StartsWith('['))
        {
            if (!host.EndsWith(']'))
            {
                throw new ArgumentException($"bad address '{text}': an IPv6 host is written in brackets ([::1]:PORT)");
            }

            bare = host[1..^1];
            if (!IPAddress.TryParse(bare, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                throw new ArgumentException($"bad address '{text}': '{bare}' is not an IPv6 address");
            }

            return new TargetAddress(text, host, new IPEndPoint(v6, port), isUnix: false);
        }

        if (host.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"bad address '{text}': write an IPv6 host in brackets ([::1]:PORT)");
        }

        if (IPAddress.TryParse(host, out var address))
        {
            return new TargetAddress(text, host, new IPEndPoint(address, port), isUnix: false);
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new TargetAddress(text, host, new IPEndPoint(IPAddress.Loopback, port), isUnix: false);
        }

        return new TargetAddress(text, host, new DnsEndPoint(host, port), isUnix: false);
    }

    /// <summary>This address with a host name looked up (its first IPv4 address, else its first); itself when it holds no name. Throws <see cref="ArgumentException"/> when the name does not resolve.</summary>
    public TargetAddress Resolve()
    {
        if (EndPoint is not DnsEndPoint name)
        {
            return this;
        }

        IPAddress[] resolved;
        try
        {
            resolved = Dns.GetHostAddresses(name.Host);
        }
        catch (SocketException ex)
        {
            throw new ArgumentException($"bad address '{Text}': cannot resolve '{name.Host}' ({ex.SocketErrorCode})", ex);
        }

        var first = resolved.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? resolved.FirstOrDefault()
            ?? throw new ArgumentException($"bad address '{Text}': '{name.Host}' resolves to no address");
        return new TargetAddress(Text, Host, new IPEndPoint(first, name.Port), isUnix: false);
    }

    public Socket CreateSocket()
    {
        if (EndPoint is DnsEndPoint)
        {
            throw new InvalidOperationException($"'{Text}' holds a host name: Resolve() it before connecting");
        }

        var socket = new Socket(Family, SocketType.Stream, Protocol);
        if (!IsUnix)
        {
            socket.NoDelay = true;
        }

        return socket;
    }

    /// <summary>127.0.0.0/8 or ::1, with or without a zone id (IPAddress.IsLoopback says no to ::1%1).</summary>
    private static bool IsLoopbackAddress(IPAddress address) =>
        IPAddress.IsLoopback(address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes()) : address);
}
