using System.Net.Security;
using System.Net.Sockets;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Threads.Internal;

/// <summary>
/// A blocking <see cref="SslStream"/> over the socket. The wait is a zero-byte read of the stream, not a poll of the
/// socket: SslStream may already hold a decrypted record (or an alert) the socket knows nothing of, and a poll
/// would then block for good. While it waits SslStream holds its own record buffer (about 16 KiB).
/// </summary>
internal readonly struct TlsIo(SslStream stream, Socket socket) : IBlockingIo
{
    public void WaitForData() => _ = stream.Read([], 0, 0);

    public int Receive(Span<byte> buffer) => stream.Read(buffer);

    public void SendAll(ReadOnlySpan<byte> data) => stream.Write(data);

    public void CloseSend() => ServerTls.CloseAsync(stream, socket, CancellationToken.None).GetAwaiter().GetResult();
}
