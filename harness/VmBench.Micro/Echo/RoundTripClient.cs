using System.Net;
using System.Net.Sockets;

namespace VmBench.Micro.Echo;

/// <summary>
/// One blocking client socket with preallocated buffers: <see cref="RoundTrip"/> sends the payload and
/// reads all of it back with the span overloads of <see cref="Socket.Send(ReadOnlySpan{byte}, SocketFlags)"/>
/// and <see cref="Socket.Receive(Span{byte}, SocketFlags)"/>, so the client itself allocates nothing.
/// </summary>
internal sealed class RoundTripClient : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    private readonly Socket _socket;
    private readonly byte[] _send;
    private readonly byte[] _receive;

    private RoundTripClient(Socket socket, int size)
    {
        _socket = socket;
        _send = new byte[size];
        _receive = new byte[size];
        new Random(0x5EED).NextBytes(_send);
    }

    public static RoundTripClient Connect(EndPoint endPoint, int size)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var tcp = endPoint is IPEndPoint;
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, tcp ? ProtocolType.Tcp : ProtocolType.Unspecified);
        try
        {
            if (tcp)
            {
                socket.NoDelay = true;
            }

            // The whole echo must fit in the receive buffer while the client is still sending, or a large
            // payload could stall both sides; a broken server fails the benchmark instead of hanging it.
            if (socket.ReceiveBufferSize < 2 * size)
            {
                socket.ReceiveBufferSize = 2 * size;
            }

            socket.ReceiveTimeout = (int)s_timeout.TotalMilliseconds;
            socket.SendTimeout = (int)s_timeout.TotalMilliseconds;
            socket.Connect(endPoint);
            return new RoundTripClient(socket, size);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>One echo of the payload; returns the bytes received (the payload size).</summary>
    public int RoundTrip()
    {
        var socket = _socket;
        var size = _send.Length;
        var sent = 0;
        while (sent < size)
        {
            sent += socket.Send(new ReadOnlySpan<byte>(_send, sent, size - sent), SocketFlags.None);
        }

        var received = 0;
        while (received < size)
        {
            var read = socket.Receive(new Span<byte>(_receive, received, size - received), SocketFlags.None);
            if (read == 0)
            {
                throw new InvalidOperationException($"the server closed the connection after echoing {received} of {size} bytes");
            }

            received += read;
        }

        return received;
    }

    /// <summary>One round trip whose echo is compared byte for byte: a server that echoes wrongly is not measured.</summary>
    public void RoundTripVerified()
    {
        Array.Clear(_receive);
        RoundTrip();
        if (!_receive.AsSpan().SequenceEqual(_send))
        {
            var at = _receive.AsSpan().CommonPrefixLength(_send);
            throw new InvalidOperationException($"the echo differs from the payload at byte {at} of {_send.Length}");
        }
    }

    public void Dispose() => _socket.Dispose();
}
