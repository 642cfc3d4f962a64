using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace VmBench.Docker.Tests.Support;

/// <summary>Opens a connection to a contract address (127.0.0.1:PORT or unix:/path).</summary>
public static class Connect
{
    public static async Task<Socket> OpenAsync(string address, CancellationToken cancellationToken)
    {
        EndPoint endPoint;
        Socket socket;
        if (address.StartsWith("unix:", StringComparison.Ordinal))
        {
            endPoint = new UnixDomainSocketEndPoint(address["unix:".Length..]);
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        }
        else
        {
            var colon = address.LastIndexOf(':');
            endPoint = new IPEndPoint(IPAddress.Parse(address[..colon]), int.Parse(address[(colon + 1)..], CultureInfo.InvariantCulture));
            socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        }

        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
