using System.Net;
using System.Net.Sockets;
using VmBench.Core.Model;

namespace VmBench.Contract;

/// <summary>Raw-socket helpers for talking to a server under check, every read bounded in time.</summary>
public static class Wire
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Connects to a contract address; see <see cref="ConnectAsync(EndPoint, CancellationToken)"/>.</summary>
    public static Task<Socket> ConnectAsync(Address address, CancellationToken cancellationToken = default) =>
        ConnectAsync(address?.EndPoint ?? throw new ArgumentNullException(nameof(address)), cancellationToken);

    /// <summary>Connects within <see cref="Timeout"/>, retrying while a unix socket's backlog is full; TCP_NODELAY on TCP.</summary>
    public static async Task<Socket> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, endPoint is UnixDomainSocketEndPoint ? ProtocolType.Unspecified : ProtocolType.Tcp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        while (true)
        {
            try
            {
                await socket.ConnectAsync(endPoint, timeout.Token).ConfigureAwait(false);
                break;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TryAgain or SocketError.WouldBlock && !timeout.IsCancellationRequested)
            {
                // A unix socket's backlog is full (EAGAIN): the server has not accepted yet; retry as real clients do.
                socket.Dispose();
                socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Unspecified);
                await Task.Delay(5, timeout.Token).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        if (endPoint is IPEndPoint)
        {
            socket.NoDelay = true;
        }

        return socket;
    }

    /// <summary>Sends everything, bounded by <see cref="Timeout"/> (a server that stops reading fails the test instead of hanging it).</summary>
    public static async Task SendAsync(Socket socket, ReadOnlyMemory<byte> data)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes, or fewer if the peer closes first.</summary>
    public static async Task<byte[]> ReadAsync(Socket socket, int count)
    {
        var buffer = new byte[count];
        var filled = 0;
        using var timeout = new CancellationTokenSource(Timeout);
        while (filled < count)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, timeout.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer[..filled];
            }

            filled += read;
        }

        return buffer;
    }

    /// <summary>Reads what is available (at least one byte), or an empty array when the peer closes.</summary>
    public static async Task<byte[]> ReadSomeAsync(Socket socket)
    {
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(Timeout);
        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).ConfigureAwait(false);
        return buffer[..read];
    }

    /// <summary>Reads until the peer closes (or the timeout), returning everything.</summary>
    public static async Task<byte[]> ReadToEndAsync(Socket socket)
    {
        using var all = new MemoryStream();
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            all.Write(buffer, 0, read);
        }

        return all.ToArray();
    }

    public static byte[] Payload(int size, int seed, bool line = false)
    {
        var random = new Random(seed);
        var data = new byte[size];
        for (var i = 0; i < size; i++)
        {
            data[i] = (byte)random.Next(line ? 'a' : 0, line ? 'z' + 1 : 256);
        }

        if (line)
        {
            data[^1] = (byte)'\n';
        }

        return data;
    }
}
