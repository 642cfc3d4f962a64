using System.Runtime.InteropServices;

namespace VmBench.Servers.Libuv.Interop;

/// <summary><c>uv_buf_t</c> on Unix: <c>{ char* base; size_t len; }</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct UvBuf
{
    public byte* Base;
    public nuint Length;

    public UvBuf(byte* data, int length)
    {
        Base = data;
        Length = (nuint)length;
    }
}
