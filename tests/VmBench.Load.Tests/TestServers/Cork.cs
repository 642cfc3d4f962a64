using System.Net.Sockets;

namespace VmBench.Load.Tests.TestServers;

/// <summary>
/// TCP_CORK: the kernel holds what is sent until the socket is closed, then sends it with the FIN in one
/// segment, so the client's single wake-up sees the data and the hang-up together.
/// </summary>
public static class Cork
{
    private const int IpProtoTcp = 6;
    private const int TcpCork = 3;

    /// <summary>Sends <paramref name="data"/> and the FIN together, then closes.</summary>
    public static void SendAndClose(Socket connection, ReadOnlySpan<byte> data)
    {
        connection.SetRawSocketOption(IpProtoTcp, TcpCork, BitConverter.GetBytes(1));
        connection.Send(data);
        connection.Close();
    }
}
