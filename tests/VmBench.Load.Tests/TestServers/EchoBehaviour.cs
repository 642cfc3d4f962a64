using System.Diagnostics;
using System.Net.Sockets;

namespace VmBench.Load.Tests.TestServers;

/// <summary>
/// Echo, with optional misbehaviour: a fixed delay before each echo, one flipped byte every N reads, a
/// stall of <see cref="StallFor"/> at the start of every second (all connections together), or closing
/// after N reads.
/// </summary>
public sealed class EchoBehaviour : IConnectionBehaviour
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _reads;

    public TimeSpan Delay { get; init; }

    /// <summary>Flip the first byte of every N-th read (across connections); 0 never.</summary>
    public int CorruptEvery { get; init; }

    public TimeSpan StallFor { get; init; }

    /// <summary>Close the connection after echoing this many reads (0: at the first read); null never.</summary>
    public int? CloseAfterReads { get; init; }

    public void Serve(Socket connection)
    {
        var buffer = new byte[256 * 1024];
        var reads = 0;
        while (true)
        {
            var n = connection.Receive(buffer);
            if (n == 0)
            {
                return;
            }

            reads++;
            if (reads > CloseAfterReads)
            {
                return;
            }

            if (StallFor > TimeSpan.Zero)
            {
                var intoSecond = Stopwatch.GetElapsedTime(_started).TotalSeconds % 1.0;
                if (intoSecond < StallFor.TotalSeconds)
                {
                    Thread.Sleep(TimeSpan.FromSeconds(StallFor.TotalSeconds - intoSecond));
                }
            }

            if (Delay > TimeSpan.Zero)
            {
                Thread.Sleep(Delay);
            }

            if (CorruptEvery > 0 && Interlocked.Increment(ref _reads) % CorruptEvery == 0)
            {
                buffer[0] ^= 0x5A;
            }

            connection.Send(buffer.AsSpan(0, n));
        }
    }
}
