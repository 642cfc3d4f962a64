using System.Net.Sockets;

namespace VmBench.Load.Tests.TestServers;

/// <summary>Readline: answers each whole '\n'-terminated line with itself, checking the client's line length and that it is printable.</summary>
public sealed class LineBehaviour : IConnectionBehaviour
{
    private int _lines;

    /// <summary>Expected line length including the newline (a wrong line closes the connection).</summary>
    public int LineLength { get; init; }

    public int Lines => Volatile.Read(ref _lines);

    public void Serve(Socket connection)
    {
        var buffer = new byte[1 << 20];
        var used = 0;
        while (true)
        {
            var n = connection.Receive(buffer.AsSpan(used));
            if (n == 0)
            {
                return;
            }

            used += n;
            var start = 0;
            int newline;
            while ((newline = buffer.AsSpan(start, used - start).IndexOf((byte)'\n')) >= 0)
            {
                var line = buffer.AsSpan(start, newline + 1);
                if (line.Length != LineLength || line[..^1].ContainsAnyExceptInRange((byte)0x20, (byte)0x7E))
                {
                    return;
                }

                connection.Send(line);
                Interlocked.Increment(ref _lines);
                start += newline + 1;
            }

            buffer.AsSpan(start, used - start).CopyTo(buffer);
            used -= start;
        }
    }
}
