using System.Runtime.InteropServices;

namespace VmBench.Servers.Libuv.Interop;

/// <summary>
/// A <c>uv_handle_t</c>. Dispose calls <c>uv_close</c> (on the loop thread only); the native
/// memory and the <see cref="GCHandle"/> are freed in the close callback, after libuv is done.
/// </summary>
internal abstract unsafe class UvHandle : UvMemory
{
    private bool _initialized;

    protected UvHandle(UvLoopHandle loop, UvHandleType type)
    {
        ArgumentNullException.ThrowIfNull(loop);
        loop.ThrowIfWrongThread();
        Loop = loop;
        CreateMemory(loop.ThreadId, UvNative.uv_handle_size(type));
    }

    public UvLoopHandle Loop { get; }

    /// <summary>Whether <c>uv_close</c> was called (the close callback may still be pending).</summary>
    public bool IsClosing => IsClosed || (_initialized && UvNative.uv_is_closing(handle) != 0);

    /// <summary>Call right after the type's <c>uv_*_init</c>: on success the handle is linked into the loop.</summary>
    protected void Initialized(int result, string operation)
    {
        if (result < 0)
        {
            // Not linked into the loop: no uv_close, free the memory now.
            Dispose();
            throw UvErrors.ToException(result, operation);
        }

        _initialized = true;
    }

    /// <summary>Called in the close callback, before the memory is freed.</summary>
    protected virtual void OnClosed()
    {
    }

    protected override bool ReleaseHandle()
    {
        if (_initialized)
        {
            UvNative.uv_close(handle, &OnClose);
        }
        else
        {
            DestroyMemory(handle);
        }

        return true;
    }

    [UnmanagedCallersOnly]
    private static void OnClose(nint handle)
    {
        var target = FromPointer<UvHandle>(handle);
        try
        {
            target.OnClosed();
        }
        catch (Exception ex)
        {
            target.Loop.Fail(ex);
        }
        finally
        {
            DestroyMemory(handle);
        }
    }
}
