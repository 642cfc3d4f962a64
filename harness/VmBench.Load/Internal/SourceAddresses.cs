using System.Runtime.InteropServices;

namespace VmBench.Load.Internal;

/// <summary>
/// The source addresses of churn: <see cref="Count"/> addresses of 127.1.0.0/16 (all of 127.0.0.0/8 is local on
/// Linux's loopback, no set-up needed), each a sockaddr_in with port 0, one after another in one native buffer.
/// The client closes first, so every exchange leaves one TIME_WAIT entry on the client's side for 60 s (Linux's
/// TCP_TIMEWAIT_LEN, whatever tcp_fin_timeout says), holding its 4-tuple. With one source address the tuples to a
/// server are its ephemeral ports: 28,232 with the default ip_local_port_range (32768-60999), 28,232 / 60 s = 470
/// connections/s sustained before connect(2) fails with EADDRNOTAVAIL (tcp_tw_reuse may recycle some after 1 s, but
/// hunting for a free port in a full range costs the client more and more). The rates seen here are tens of thousands
/// of connections/s and a trial follows another's TIME_WAIT: at 100,000/s the client needs 100,000 x 60 / 28,232 =
/// 213 addresses; 1,024 cover about 480,000/s. IP_BIND_ADDRESS_NO_PORT defers the port to connect(2), which then
/// checks the whole 4-tuple, so every address has the whole port range (bind with port 0 alone would reserve a port
/// per socket across all addresses). Exhaustion is still possible (a smaller port range, a faster machine): it shows
/// as EADDRNOTAVAIL, counted and reported as an error, never retried.
/// </summary>
internal sealed unsafe class SourceAddresses : IDisposable
{
    /// <summary>How many: 127.1.b.c for c in 1..250 (no .0 or .255), b = 0, 1, ...</summary>
    public const int Count = 1024;

    private const int PerBlock = 250;

    private byte* _buffer;

    public SourceAddresses()
    {
        _buffer = (byte*)NativeMemory.AllocZeroed((nuint)(Count * Native.SockaddrInSize));
        for (var i = 0; i < Count; i++)
        {
            Native.WriteSockaddrIn(At(i), AddressBytes(i), 0);
        }
    }

    /// <summary>The sockaddr_in of source address <paramref name="index"/> (0 to <see cref="Count"/> - 1).</summary>
    public byte* At(int index) => _buffer + (index * Native.SockaddrInSize);

    /// <summary>Address <paramref name="index"/> as text, for messages.</summary>
    public static string Text(int index)
    {
        var bytes = AddressBytes(index);
        return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.{bytes[3]}";
    }

    private static byte[] AddressBytes(int index) => [127, 1, (byte)(index / PerBlock), (byte)(1 + (index % PerBlock))];

    public void Dispose()
    {
        if (_buffer is not null)
        {
            NativeMemory.Free(_buffer);
            _buffer = null;
        }
    }
}
