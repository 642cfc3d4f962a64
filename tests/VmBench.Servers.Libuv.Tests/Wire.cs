using System.Net;
using System.Net.Sockets;

namespace VmBench.Servers.Libuv.Tests;

/// <summary>Client-side socket helpers; every read and write is bounded by the caller's token.</summary>
internal static class Wire
{
    /// <summary>How long one test may spend on its socket I/O before it fails instead of hanging.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task<Socket> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        var protocol = endPoint is UnixDomainSocketEndPoint ? ProtocolType.Unspecified : ProtocolType.Tcp;
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, protocol);
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

    public static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes; fails if the server closes first.</summary>
    public static async Task<byte[]> ReceiveExactlyAsync(Socket socket, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException($"The server closed the connection after {filled} of {count} bytes.");
            }

            filled += read;
        }

        return buffer;
    }

    /// <summary>Reads until the server closes (EOF, or a reset counted as the end); returns everything read.</summary>
    public static async Task<byte[]> ReceiveToEndAsync(Socket socket, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
        }

        return received.ToArray();
    }

    /// <summary>Sends and receives concurrently (a large payload would otherwise fill both socket buffers).</summary>
    public static async Task<byte[]> EchoAsync(Socket socket, byte[] payload, CancellationToken cancellationToken)
    {
        var receive = ReceiveExactlyAsync(socket, payload.Length, cancellationToken);
        await SendAllAsync(socket, payload, cancellationToken).ConfigureAwait(false);
        return await receive.ConfigureAwait(false);
    }

    public static byte[] Payload(int length, int seed = 1)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}
