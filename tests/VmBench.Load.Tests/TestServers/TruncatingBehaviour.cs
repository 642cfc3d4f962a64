using System.Net.Sockets;

namespace VmBench.Load.Tests.TestServers;

/// <summary>Echoes <see cref="AfterReads"/> reads, then echoes the next one short by <see cref="Missing"/> bytes and closes (the data and the FIN in one segment).</summary>
public sealed class TruncatingBehaviour : IConnectionBehaviour
{
    public int AfterReads { get; init; } = 20;

    public int Missing { get; init; } = 24;

    public void Serve(Socket connection)
    {
        var buffer = new byte[256 * 1024];
        for (var reads = 0; ; reads++)
        {
            var n = connection.Receive(buffer);
            if (n == 0)
            {
                return;
            }

            if (reads == AfterReads)
            {
                Cork.SendAndClose(connection, buffer.AsSpan(0, Math.Max(1, n - Missing)));
                return;
            }

            connection.Send(buffer.AsSpan(0, n));
        }
    }
}
