namespace VmBench.Servers.Libuv.Interop;

/// <summary>The <c>uv_req_type</c> values the server allocates (see <c>UV_REQ_TYPE_MAP</c> in uv.h).</summary>
internal enum UvRequestType
{
    Write = 3,
    Shutdown = 4,
}
