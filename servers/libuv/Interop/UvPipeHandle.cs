namespace VmBench.Servers.Libuv.Interop;

/// <summary>A <c>uv_pipe_t</c> (a unix domain socket; never used for IPC here).</summary>
internal sealed class UvPipeHandle : UvStreamHandle
{
    public UvPipeHandle(UvLoopHandle loop)
        : base(loop, UvHandleType.NamedPipe)
    {
        Initialized(UvNative.uv_pipe_init(loop.Pointer, handle, 0), "uv_pipe_init");
    }

    /// <summary><c>uv_pipe_bind</c>; libuv unlinks the socket file when the handle is closed.</summary>
    public void Bind(string path)
    {
        ThrowIfWrongThread();
        UvErrors.ThrowIfError(UvNative.uv_pipe_bind(handle, path), "uv_pipe_bind");
    }

    public override int Open(int descriptor)
    {
        ThrowIfWrongThread();
        return UvNative.uv_pipe_open(handle, descriptor);
    }
}
