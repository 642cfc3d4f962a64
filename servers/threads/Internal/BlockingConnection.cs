using System.Buffers;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Threads.Internal;

/// <summary>The per-connection loops, on a blocking socket (or a blocking SslStream on it) owned by one thread.</summary>
internal static class BlockingConnection
{
    private const int BufferSize = 64 * 1024;

    /// <summary>
    /// The server's own pool, not <see cref="ArrayPool{T}.Shared"/>: the shared pool caches an array per
    /// thread, and with a thread per connection every closed connection would strand its buffer in a
    /// dead thread's cache until some later GC. Here returned buffers go back to one bounded pool.
    /// </summary>
    private static readonly ArrayPool<byte> s_pool = ArrayPool<byte>.Create(maxArrayLength: 8 * 1024 * 1024, maxArraysPerBucket: 64);

    public static void Echo<TIo>(TIo client)
        where TIo : struct, IBlockingIo
    {
        while (true)
        {
            // Block until data (or EOF) is there before taking a buffer: an idle connection holds none.
            client.WaitForData();
            var buffer = s_pool.Rent(BufferSize);
            try
            {
                var read = client.Receive(buffer);
                if (read == 0)
                {
                    client.CloseSend();
                    return;
                }

                client.SendAll(buffer.AsSpan(0, read));
            }
            finally
            {
                s_pool.Return(buffer);
            }
        }
    }

    public static void Readline<TIo>(TIo client, int maxLineLength)
        where TIo : struct, IBlockingIo
    {
        var buffer = s_pool.Rent(BufferSize);
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var larger = s_pool.Rent(Math.Min(buffer.Length * 2, maxLineLength));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    s_pool.Return(buffer);
                    buffer = larger;
                }

                var room = Math.Min(buffer.Length, maxLineLength) - filled;
                var read = client.Receive(buffer.AsSpan(filled, room));
                if (read == 0)
                {
                    client.CloseSend();
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
                client.SendAll(buffer.AsSpan(0, complete));
                buffer.AsSpan(complete, filled - complete).CopyTo(buffer);
                filled -= complete;
            }
        }
        finally
        {
            s_pool.Return(buffer);
        }
    }
}
