using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

// One file, two assemblies: servers/Hosting compiles it as it is, VmBench.Core links it with VMBENCH_CORE defined.
#if VMBENCH_CORE
namespace VmBench.Core.Model;
#else
namespace VmBench.Servers.Hosting;
#endif

/// <summary>
/// The server contract's address, parsed and printed here only: <c>HOST:PORT</c> (<c>127.0.0.1:25000</c>,
/// <c>localhost:25000</c>), <c>[IPv6]:PORT</c> (<c>[::1]:25000</c>, a zone id allowed: <c>[::1%1]:25000</c>) or
/// <c>unix:/path</c>. Parsing never looks a name up; the text form round-trips.
/// </summary>
public sealed record Address
{
    private const string UnixPrefix = "unix:";
    private const string Forms = "expected HOST:PORT, [IPv6]:PORT or unix:/path, e.g. 127.0.0.1:25000";
    private const string Brackets = "an IPv6 host is written in brackets ([::1]:PORT)";

    private Address(string? host, int port, string? unixPath)
    {
        Host = host;
        Port = port;
        UnixPath = unixPath;
    }

    /// <summary>TCP: the host as written, without brackets (an IP address or a name); null for a unix socket.</summary>
    public string? Host { get; }

    /// <summary>TCP: the port (0 lets a server pick a free one); 0 for a unix socket.</summary>
    public int Port { get; }

    /// <summary>The unix socket's path; null for TCP.</summary>
    public string? UnixPath { get; }

    [MemberNotNullWhen(true, nameof(UnixPath))]
    [MemberNotNullWhen(false, nameof(Host))]
    public bool IsUnix => UnixPath is not null;

    /// <summary>An <see cref="IPEndPoint"/> (<c>localhost</c> is 127.0.0.1), a <see cref="UnixDomainSocketEndPoint"/>, or a <see cref="DnsEndPoint"/> for any other name.</summary>
    public EndPoint EndPoint =>
        IsUnix ? new UnixDomainSocketEndPoint(UnixPath)
        : IPAddress.TryParse(Host, out var ip) ? new IPEndPoint(ip, Port)
        : string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase) ? new IPEndPoint(IPAddress.Loopback, Port)
        : new DnsEndPoint(Host, Port);

    public static Address Tcp(IPAddress address, int port) => new(address.ToString(), port, null);

    public static Address Unix(string path) =>
        string.IsNullOrEmpty(path) ? throw new ArgumentException("a unix socket address needs a path", nameof(path)) : new(null, 0, path);

    /// <summary>The address of a socket endpoint (a listener's local endpoint, say).</summary>
    public static Address Of(EndPoint endPoint) => endPoint switch
    {
        IPEndPoint ip => Tcp(ip.Address, ip.Port),
        UnixDomainSocketEndPoint unix => new(null, 0, unix.ToString()),
        DnsEndPoint name => new(name.Host, name.Port, null),
        _ => throw new ArgumentException($"{endPoint} is neither a TCP nor a unix socket endpoint", nameof(endPoint)),
    };

    /// <summary>Parses the contract's text; on failure, <paramref name="error"/> names the text, what is wrong and the expected forms.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out Address? address, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problem = Read(text, out address);
        error = problem is null ? null : $"bad address '{text}': {problem} ({Forms})";
        return problem is null;
    }

    /// <summary>Parses the contract's text; throws <see cref="FormatException"/> with the reason when it is not an address.</summary>
    public static Address Parse(string text) => TryParse(text, out var address, out var error) ? address : throw new FormatException(error);

    public override string ToString() =>
        IsUnix ? UnixPrefix + UnixPath
        : Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}"
        : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    private static string? Read(string text, out Address? address)
    {
        address = null;
        if (text.StartsWith(UnixPrefix, StringComparison.Ordinal))
        {
            address = text.Length > UnixPrefix.Length ? new(null, 0, text[UnixPrefix.Length..]) : null;
            return address is null ? "unix: needs a socket path (unix:/tmp/echo.sock)" : null;
        }

        string host;
        string port;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return Brackets;
            }

            host = text[1..close];
            if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return $"'{host}' is not an IPv6 address";
            }

            if (!text.AsSpan(close + 1).StartsWith(":"))
            {
                return "no :PORT after the host";
            }

            port = text[(close + 2)..];
        }
        else
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon != text.LastIndexOf(':'))
            {
                return Brackets;
            }

            if (colon <= 0)
            {
                return colon < 0 ? "no :PORT after the host" : "no host before the :PORT";
            }

            host = text[..colon];
            port = text[(colon + 1)..];
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 65535)
        {
            return $"port '{port}' is not a number from 0 to 65535";
        }

        address = new Address(host, number, null);
        return null;
    }
}
