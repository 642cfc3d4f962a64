using System.Net;
using System.Net.Sockets;

namespace VmBench.Conformance.Tests;

/// <summary>The server's end of a connection, read from outside (<see cref="AcceptedSocket"/>): here a listener of this process, so the answer is known.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class AcceptedSocketTests
{
    [Fact]
    public async Task Tcp_nodelay_is_read_on_the_accepting_side_as_it_is_set()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        using var client = await Wire.ConnectAsync(listener.LocalEndPoint!); // TCP_NODELAY on the client's end only
        using var accepted = await listener.AcceptAsync();

        Assert.False(AcceptedSocket.NoDelay(client));
        accepted.NoDelay = true;
        Assert.True(AcceptedSocket.NoDelay(client));
    }
}
