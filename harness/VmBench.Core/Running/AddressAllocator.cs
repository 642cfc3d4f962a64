using System.Net;
using System.Net.Sockets;
using VmBench.Core.Model;

namespace VmBench.Core.Running;

/// <summary>Hands out a fresh loopback address per server start: a free TCP port, or a unix socket path in the run's socket folder.</summary>
public sealed class AddressAllocator
{
    private readonly string _socketDirectory;
    private int _next;

    public AddressAllocator(string socketDirectory)
    {
        _socketDirectory = socketDirectory;
    }

    /// <summary>The folder that holds unix sockets (bind-mounted into containers at the same path).</summary>
    public string SocketDirectory => _socketDirectory;

    public Address Allocate(AddressKind kind, string name)
    {
        if (kind == AddressKind.Unix)
        {
            Directory.CreateDirectory(_socketDirectory);
            var path = Path.Combine(_socketDirectory, $"{name}-{Interlocked.Increment(ref _next)}.sock");
            return Address.Unix(path);
        }

        // Tcp and Tls alike: TLS runs over a TCP port.
        return Address.Tcp(IPAddress.Loopback, FreeTcpPort());
    }

    public static int FreeTcpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
