using System.Net;

namespace VmBench.Servers.Libuv.Interop;

/// <summary>A <c>uv_tcp_t</c>.</summary>
internal sealed unsafe class UvTcpHandle : UvStreamHandle
{
    public UvTcpHandle(UvLoopHandle loop)
        : base(loop, UvHandleType.Tcp)
    {
        Initialized(UvNative.uv_tcp_init(loop.Pointer, handle), "uv_tcp_init");
    }

    public void Bind(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ThrowIfWrongThread();
        var address = stackalloc byte[UvSocketAddress.StorageSize];
        UvSocketAddress.Write(endPoint, address);
        UvErrors.ThrowIfError(UvNative.uv_tcp_bind(handle, address, 0), "uv_tcp_bind");
    }

    /// <summary><c>uv_tcp_getsockname</c>: the bound address, with the real port when 0 was asked.</summary>
    public IPEndPoint GetSockName()
    {
        ThrowIfWrongThread();
        var address = stackalloc byte[UvSocketAddress.StorageSize];
        var length = UvSocketAddress.StorageSize;
        UvErrors.ThrowIfError(UvNative.uv_tcp_getsockname(handle, address, &length), "uv_tcp_getsockname");
        return UvSocketAddress.Read(address);
    }

    public override int Open(int descriptor)
    {
        ThrowIfWrongThread();
        return UvNative.uv_tcp_open(handle, descriptor);
    }

    public int NoDelay(bool enable)
    {
        ThrowIfWrongThread();
        return UvNative.uv_tcp_nodelay(handle, enable ? 1 : 0);
    }
}
