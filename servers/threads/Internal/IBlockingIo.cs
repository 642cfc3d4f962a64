namespace VmBench.Servers.Threads.Internal;

/// <summary>
/// What the blocking loops do to a connection, plain or TLS. The loops are generic over a struct implementing it,
/// so the JIT compiles one copy per transport and the plain path calls the socket directly.
/// </summary>
internal interface IBlockingIo
{
    /// <summary>Blocks until data (or the end) is there, without a buffer: an idle connection holds none.</summary>
    void WaitForData();

    /// <summary>Reads at most <paramref name="buffer"/>'s length; 0 at the end of the client's data.</summary>
    int Receive(Span<byte> buffer);

    void SendAll(ReadOnlySpan<byte> data);

    /// <summary>The client has closed its side: close ours (everything owed is sent).</summary>
    void CloseSend();
}
