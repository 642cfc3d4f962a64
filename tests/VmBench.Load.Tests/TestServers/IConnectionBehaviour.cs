using System.Net.Sockets;

namespace VmBench.Load.Tests.TestServers;

/// <summary>What a test server does with one connection (blocking; return to close it).</summary>
public interface IConnectionBehaviour
{
    void Serve(Socket connection);
}
