namespace VmBench.Servers.Sockets.Internal;

/// <summary>
/// What the echo and readline loops do to a connection, plain or TLS. The loops are generic over a struct
/// implementing it, so the JIT compiles one copy per transport and the plain path calls the socket directly.
/// </summary>
internal interface IConnectionIo
{
    /// <summary>Completes when data (or the end) is there, without a buffer: a quiet connection holds none.</summary>
    ValueTask WaitForDataAsync(CancellationToken cancellationToken);

    /// <summary>Reads at most <paramref name="buffer"/>'s length; 0 at the end of the client's data.</summary>
    ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    ValueTask SendAllAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>The client has closed its side: close ours (everything owed is sent).</summary>
    ValueTask CloseSendAsync(CancellationToken cancellationToken);
}
