namespace VmBench.Servers.Libuv.Interop;

/// <summary>The <c>uv_handle_type</c> values the server allocates (see <c>UV_HANDLE_TYPE_MAP</c> in uv.h).</summary>
internal enum UvHandleType
{
    Async = 1,
    NamedPipe = 7,
    Tcp = 12,
}
