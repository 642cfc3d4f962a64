using System.Runtime.InteropServices;

namespace VmBench.Servers.Libuv.Interop;

/// <summary>A <c>uv_async_t</c>: the one way other threads wake the loop (<c>uv_async_send</c>).</summary>
internal sealed unsafe class UvAsyncHandle : UvHandle
{
    private readonly Action _callback;

    public UvAsyncHandle(UvLoopHandle loop, Action callback)
        : base(loop, UvHandleType.Async)
    {
        _callback = callback;
        Initialized(UvNative.uv_async_init(loop.Pointer, handle, &OnAsync), "uv_async_init");
    }

    /// <summary>Thread-safe; the caller must ensure the handle is not closed (or closing) meanwhile.</summary>
    public void Send()
    {
        UvErrors.ThrowIfError(UvNative.uv_async_send(handle), "uv_async_send");
    }

    [UnmanagedCallersOnly]
    private static void OnAsync(nint handle)
    {
        var target = FromPointer<UvAsyncHandle>(handle);
        try
        {
            target._callback();
        }
        catch (Exception ex)
        {
            target.Loop.Fail(ex);
        }
    }
}
