using System.Runtime.InteropServices;

namespace VmBench.Servers.Libuv.Interop;

/// <summary>A <c>uv_loop_t</c>, bound to the thread that initialised it.</summary>
internal sealed unsafe class UvLoopHandle : UvMemory
{
    private const int RunDefault = 0;

    /// <summary>The first exception thrown by a managed callback (the loop is stopped when one happens).</summary>
    public Exception? Failure { get; private set; }

    /// <summary>What <c>uv_loop_close</c> returned on dispose (0 when every handle had been closed).</summary>
    public int CloseResult { get; private set; }

    /// <summary>Allocates <c>uv_loop_size()</c> bytes and runs <c>uv_loop_init</c>; the calling thread becomes the loop thread.</summary>
    public void Init()
    {
        CreateMemory(Environment.CurrentManagedThreadId, UvNative.uv_loop_size());
        var result = UvNative.uv_loop_init(handle);
        if (result < 0)
        {
            DestroyMemory(handle);
            SetHandleAsInvalid();
            throw UvErrors.ToException(result, "uv_loop_init");
        }
    }

    /// <summary>Runs the loop until no active handle or request is left (or <see cref="Stop"/>).</summary>
    public int Run()
    {
        ThrowIfWrongThread();
        return UvNative.uv_run(handle, RunDefault);
    }

    public void Stop()
    {
        ThrowIfWrongThread();
        UvNative.uv_stop(handle);
    }

    /// <summary>Records a callback's exception (it cannot cross the native frames) and stops the loop.</summary>
    public void Fail(Exception exception)
    {
        Failure ??= exception;
        UvNative.uv_stop(handle);
    }

    /// <summary>Every handle of the loop (<c>uv_walk</c>), closing ones included.</summary>
    public List<UvHandle> Walk()
    {
        ThrowIfWrongThread();
        var handles = new List<UvHandle>();
        var list = GCHandle.Alloc(handles);
        try
        {
            UvNative.uv_walk(handle, &OnWalk, GCHandle.ToIntPtr(list));
        }
        finally
        {
            list.Free();
        }

        return handles;
    }

    protected override bool ReleaseHandle()
    {
        CloseResult = UvNative.uv_loop_close(handle);
        if (CloseResult == 0)
        {
            DestroyMemory(handle);
        }

        // On failure (UV_EBUSY) the memory is leaked on purpose: libuv still points into it.
        return true;
    }

    [UnmanagedCallersOnly]
    private static void OnWalk(nint handle, nint arg)
    {
        var handles = (List<UvHandle>)GCHandle.FromIntPtr(arg).Target!;
        handles.Add(FromPointer<UvHandle>(handle));
    }
}
