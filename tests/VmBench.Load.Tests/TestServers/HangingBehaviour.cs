using System.Diagnostics;
using System.Net.Sockets;

namespace VmBench.Load.Tests.TestServers;

/// <summary>Echoes until <see cref="After"/> has passed since the server was made, then reads and never answers again (a connection that stalls).</summary>
public sealed class HangingBehaviour : IConnectionBehaviour
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public TimeSpan After { get; init; }

    public void Serve(Socket connection)
    {
        var buffer = new byte[256 * 1024];
        int n;
        while ((n = connection.Receive(buffer)) > 0)
        {
            if (Stopwatch.GetElapsedTime(_started) < After)
            {
                connection.Send(buffer.AsSpan(0, n));
            }
        }
    }
}
