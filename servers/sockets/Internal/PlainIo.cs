using System.Net.Sockets;

namespace VmBench.Servers.Sockets.Internal;

/// <summary>The socket itself: zero-byte receives, sends straight from the buffer, a half-close by shutdown.</summary>
internal readonly struct PlainIo(Socket socket) : IConnectionIo
{
    public async ValueTask WaitForDataAsync(CancellationToken cancellationToken) =>
        await socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, cancellationToken).ConfigureAwait(false);

    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    public async ValueTask SendAllAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    public ValueTask CloseSendAsync(CancellationToken cancellationToken)
    {
        socket.Shutdown(SocketShutdown.Send);
        return ValueTask.CompletedTask;
    }
}
