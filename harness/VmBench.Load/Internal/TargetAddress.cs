using System.Net;
using System.Net.Sockets;
using VmBench.Core.Model;

namespace VmBench.Load.Internal;

/// <summary>
/// Where the load client connects: an <see cref="Address"/> (parsed there, never looked up: <c>localhost</c> is 127.0.0.1, any
/// other name stays a name, not loopback, until <see cref="Resolve"/>, so a refused target is refused before any DNS query).
/// </summary>
internal sealed class TargetAddress
{
    private TargetAddress(Address address, EndPoint endPoint)
    {
        Address = address;
        EndPoint = endPoint;
    }

    public Address Address { get; }

    public string Text => Address.ToString();

    /// <summary>The host part as written, IPv6 in brackets (for the HTTP Host header); "localhost" for unix sockets.</summary>
    public string Host => IsUnix ? "localhost" : Text[..Text.LastIndexOf(':')];

    public EndPoint EndPoint { get; }

    public bool IsUnix => Address.IsUnix;

    public bool IsLoopback => IsUnix || (EndPoint is IPEndPoint ip && IsLoopbackAddress(ip.Address));

    public AddressFamily Family => EndPoint.AddressFamily;

    public ProtocolType Protocol => IsUnix ? ProtocolType.Unspecified : ProtocolType.Tcp;

    /// <summary>The target at <paramref name="address"/>, without any lookup. Throws <see cref="ArgumentException"/> for port 0 (a server may be told it, a client cannot connect to it).</summary>
    public static TargetAddress Of(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address is { IsUnix: false, Port: 0 }
            ? throw new ArgumentException($"bad address '{address}': port 0 is not a port to connect to (give the server's port, 1 to 65535)")
            : new TargetAddress(address, address.EndPoint);
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
        return new TargetAddress(Address, new IPEndPoint(first, name.Port));
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
