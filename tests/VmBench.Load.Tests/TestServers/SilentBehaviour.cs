using System.Net.Sockets;

namespace VmBench.Load.Tests.TestServers;

/// <summary>A hung server: accepts, reads and never answers.</summary>
public sealed class SilentBehaviour : IConnectionBehaviour
{
    public void Serve(Socket connection)
    {
        var buffer = new byte[64 * 1024];
        while (connection.Receive(buffer) > 0)
        {
        }
    }
}
