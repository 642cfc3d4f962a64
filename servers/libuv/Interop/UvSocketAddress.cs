using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace VmBench.Servers.Libuv.Interop;

/// <summary>Linux <c>sockaddr_in</c>/<c>sockaddr_in6</c> to and from <see cref="IPEndPoint"/>, through <c>uv_ip4_addr</c>/<c>uv_ip6_addr</c>.</summary>
internal static unsafe class UvSocketAddress
{
    /// <summary><c>sizeof(struct sockaddr_storage)</c>.</summary>
    public const int StorageSize = 128;

    private const ushort FamilyInet = 2;
    private const ushort FamilyInet6 = 10;

    public static void Write(IPEndPoint endPoint, byte* storage)
    {
        var text = endPoint.Address.ToString();
        var result = endPoint.AddressFamily switch
        {
            AddressFamily.InterNetwork => UvNative.uv_ip4_addr(text, endPoint.Port, storage),
            AddressFamily.InterNetworkV6 => UvNative.uv_ip6_addr(text, endPoint.Port, storage),
            _ => throw new ArgumentException($"Unsupported address family {endPoint.AddressFamily}.", nameof(endPoint)),
        };
        UvErrors.ThrowIfError(result, endPoint.AddressFamily == AddressFamily.InterNetwork ? "uv_ip4_addr" : "uv_ip6_addr");
    }

    public static IPEndPoint Read(byte* storage)
    {
        var family = *(ushort*)storage;
        var port = BinaryPrimitives.ReverseEndianness(*(ushort*)(storage + 2));
        return family switch
        {
            FamilyInet => new IPEndPoint(new IPAddress(new ReadOnlySpan<byte>(storage + 4, 4)), port),
            FamilyInet6 => new IPEndPoint(new IPAddress(new ReadOnlySpan<byte>(storage + 8, 16), *(uint*)(storage + 24)), port),
            _ => throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Unexpected address family {family} from libuv.")),
        };
    }
}
