using System.Net;
using System.Net.Sockets;

namespace VmBench.Servers.Hosting;

/// <summary>The listening socket every socket-based .NET server opens the same way.</summary>
public static class Listener
{
    public const int Backlog = 4096;

    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;

    /// <summary>A socket bound to <paramref name="endPoint"/> (tcp with SO_REUSEADDR and without SO_REUSEPORT, or a unix socket) and listening.</summary>
    public static Socket Open(EndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var tcp = endPoint is not UnixDomainSocketEndPoint;
        var listener = new Socket(endPoint.AddressFamily, SocketType.Stream, tcp ? ProtocolType.Tcp : ProtocolType.Unspecified);
        try
        {
            if (tcp)
            {
                // SO_REUSEADDR alone: .NET's ReuseAddress also sets SO_REUSEPORT on Linux, which lets a second server bind
                // a port in use (and share its connections) instead of failing with "address in use".
                listener.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
            }

            listener.Bind(endPoint);
            listener.Listen(Backlog);
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Accepts until <paramref name="cancellationToken"/> is cancelled or the listener is disposed, handing each
    /// prepared connection (see <see cref="Accepted"/>) to <paramref name="serve"/>. A failed accept
    /// (ECONNABORTED, EMFILE) leaves the listener good and the loop goes on.
    /// </summary>
    public static async Task AcceptLoopAsync(Socket listener, Action<Socket> serve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(serve);
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            serve(Accepted(client));
        }
    }

    /// <summary>Prepares an accepted connection: TCP_NODELAY on tcp sockets, as the contract asks.</summary>
    public static Socket Accepted(Socket client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.ProtocolType == ProtocolType.Tcp)
        {
            client.NoDelay = true;
        }

        return client;
    }
}
