using System.Net.Sockets;

namespace VmBench.Servers.Threads.Internal;

/// <summary>The blocking socket itself: poll, receive, send, shutdown.</summary>
internal readonly struct PlainIo(Socket socket) : IBlockingIo
{
    public void WaitForData() => socket.Poll(-1, SelectMode.SelectRead);

    public int Receive(Span<byte> buffer) => socket.Receive(buffer, SocketFlags.None);

    public void SendAll(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            data = data[socket.Send(data, SocketFlags.None)..];
        }
    }

    public void CloseSend() => socket.Shutdown(SocketShutdown.Send);
}
