using System.Net.Security;
using System.Net.Sockets;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Sockets.Internal;

/// <summary>
/// An <see cref="SslStream"/> over the socket. A zero-byte read of the stream waits for a whole record without a
/// buffer of ours (SslStream itself reads the socket with a zero-byte read first and returns its record buffer when
/// empty); a write encrypts into the stream's own buffer, a record (16 KiB at most) at a time.
/// </summary>
internal readonly struct TlsIo(SslStream stream, Socket socket) : IConnectionIo
{
    public async ValueTask WaitForDataAsync(CancellationToken cancellationToken) =>
        await stream.ReadAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);

    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        stream.ReadAsync(buffer, cancellationToken);

    public ValueTask SendAllAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        stream.WriteAsync(data, cancellationToken);

    public ValueTask CloseSendAsync(CancellationToken cancellationToken) =>
        new(ServerTls.CloseAsync(stream, socket, cancellationToken));
}
