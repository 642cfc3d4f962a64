using System.Buffers;
using System.Net.Sockets;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Threads.Internal;

/// <summary>The per-connection loops, on a blocking socket owned by one thread.</summary>
internal static class BlockingConnection
{
    private const int BufferSize = 64 * 1024;

    public static void Echo(Socket client)
    {
        while (true)
        {
            // Block until data (or EOF) is there before taking a buffer: an idle connection holds none.
            client.Poll(-1, SelectMode.SelectRead);
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                var read = client.Receive(buffer, SocketFlags.None);
                if (read == 0)
                {
                    client.Shutdown(SocketShutdown.Send);
                    return;
                }

                SendAll(client, buffer.AsSpan(0, read));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public static void Readline(Socket client, int maxLineLength)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxLineLength));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var room = Math.Min(buffer.Length, maxLineLength) - filled;
                var read = client.Receive(buffer.AsSpan(filled, room), SocketFlags.None);
                if (read == 0)
                {
                    client.Shutdown(SocketShutdown.Send);
                    return;
                }

                var scanFrom = filled;
                filled += read;
                var complete = LineScanner.CompleteLength(buffer.AsSpan(scanFrom, read));
                if (complete == 0)
                {
                    if (filled >= maxLineLength)
                    {
                        return; // an endless line: memory per connection stays bounded
                    }

                    continue;
                }

                complete += scanFrom;
                SendAll(client, buffer.AsSpan(0, complete));
                buffer.AsSpan(complete, filled - complete).CopyTo(buffer);
                filled -= complete;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void SendAll(Socket client, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            data = data[client.Send(data, SocketFlags.None)..];
        }
    }
}
