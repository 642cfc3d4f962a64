using System.Net.Sockets;

namespace VmBench.Testing;

/// <summary>
/// Client-side socket helpers for the in-process server tests; every read and write is bounded by
/// the caller's token (<see cref="Wire"/> is the same for servers running as processes, bounded by its own timeout).
/// </summary>
public static class SocketIo
{
    /// <summary>How long one test may spend on its socket I/O before it fails instead of hanging.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes; fails if the server closes first.</summary>
    public static async Task<byte[]> ReceiveExactlyAsync(Socket socket, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
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

    /// <summary>Reads until the server closes (EOF; a reset fails); returns everything read.</summary>
    public static async Task<byte[]> ReceiveToEndAsync(Socket socket, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        await ReadUntilClosedAsync(socket, received, resetIsEnd: false, cancellationToken).ConfigureAwait(false);
        return received.ToArray();
    }

    /// <summary>Reads until the server drops the connection (EOF, or a reset counted as the end); returns everything read.</summary>
    public static async Task<byte[]> ReceiveAllUntilDroppedAsync(Socket socket, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        await ReadUntilClosedAsync(socket, received, resetIsEnd: true, cancellationToken).ConfigureAwait(false);
        return received.ToArray();
    }

    /// <summary>
    /// Reads until the server drops the connection (EOF or reset) and returns how many bytes came
    /// before that; the token bounds the wait, so a server that never drops fails the test.
    /// </summary>
    public static Task<long> ReceiveUntilDroppedAsync(Socket socket, CancellationToken cancellationToken) =>
        ReadUntilClosedAsync(socket, sink: null, resetIsEnd: true, cancellationToken);

    /// <summary>Sends and, at the same time, reads the same number of bytes back (so neither side's buffers fill up).</summary>
    public static async Task<byte[]> EchoAsync(Socket socket, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var receive = ReceiveExactlyAsync(socket, payload.Length, cancellationToken);
        await SendAllAsync(socket, payload, cancellationToken).ConfigureAwait(false);
        return await receive.ConfigureAwait(false);
    }

    /// <summary>Cuts <paramref name="length"/> bytes into uneven pieces (1, 4, 13, 40, ... bytes), for split writes.</summary>
    public static IEnumerable<Range> UnevenPieces(int length)
    {
        var offset = 0;
        var chunk = 1;
        while (offset < length)
        {
            var piece = Math.Min(chunk, length - offset);
            yield return new Range(offset, offset + piece);
            offset += piece;
            chunk = chunk * 3 % 997 + 1;
        }
    }

    /// <summary>Letters only (no newline), so it also serves as a readline payload.</summary>
    public static byte[] Pattern(int length, int seed = 0)
    {
        var data = new byte[length];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (byte)('a' + ((i + seed) % 26));
        }

        return data;
    }

    /// <summary>Every byte value, from a seeded generator: reproducible, and catches a server that mangles any of them.</summary>
    public static byte[] RandomBytes(int length, int seed = 1)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    /// <summary>Reads until EOF (or a reset, when <paramref name="resetIsEnd"/>), copying into <paramref name="sink"/> when given; returns the bytes read.</summary>
    private static async Task<long> ReadUntilClosedAsync(Socket socket, Stream? sink, bool resetIsEnd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var buffer = new byte[64 * 1024];
        long total = 0;
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return total;
                }

                sink?.Write(buffer, 0, read);
                total += read;
            }
        }
        catch (SocketException ex) when (resetIsEnd && ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
            return total;
        }
    }
}
