using System.Net.Sockets;

namespace VmBench.Load.Tests.TestServers;

/// <summary>The first connection accepted is served by <paramref name="first"/>, every later one by <paramref name="rest"/>: one misbehaving connection among good ones.</summary>
public sealed class FirstConnection(IConnectionBehaviour first, IConnectionBehaviour rest) : IConnectionBehaviour
{
    private int _served;

    public void Serve(Socket connection) =>
        (Interlocked.Increment(ref _served) == 1 ? first : rest).Serve(connection);
}
