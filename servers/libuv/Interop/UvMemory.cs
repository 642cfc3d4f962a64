using System.Runtime.InteropServices;

namespace VmBench.Servers.Libuv.Interop;

/// <summary>
/// Native memory for one libuv loop, handle or request, owned by this managed object. A normal
/// <see cref="GCHandle"/> to the owner sits in the structure's first field (<c>data</c>, the
/// first pointer of <c>uv_loop_t</c>, <c>uv_handle_t</c> and <c>uv_req_t</c>), so callbacks
/// find their owner, and the owner stays alive while libuv holds the memory.
/// </summary>
internal abstract unsafe class UvMemory : SafeHandle
{
    private GCHandle _self;

    protected UvMemory()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The managed thread id of the loop this memory belongs to.</summary>
    public int ThreadId { get; private set; }

    /// <summary>The native structure; valid while the object is not disposed.</summary>
    public nint Pointer => handle;

    /// <summary>Throws unless called on the loop's thread: libuv is not thread-safe (except <c>uv_async_send</c>).</summary>
    public void ThrowIfWrongThread()
    {
        if (Environment.CurrentManagedThreadId != ThreadId)
        {
            throw new InvalidOperationException(
                $"{GetType().Name} used on thread {Environment.CurrentManagedThreadId}; it belongs to the libuv loop on thread {ThreadId}.");
        }
    }

    /// <summary>The managed owner recorded in a structure's <c>data</c> field.</summary>
    public static T FromPointer<T>(nint memory)
        where T : UvMemory =>
        (T)GCHandle.FromIntPtr(*(nint*)memory).Target!;

    protected void CreateMemory(int threadId, nuint size)
    {
        ThreadId = threadId;
        var memory = (nint)NativeMemory.AllocZeroed(size);
        _self = GCHandle.Alloc(this, GCHandleType.Normal);
        *(nint*)memory = GCHandle.ToIntPtr(_self);
        SetHandle(memory);
    }

    /// <summary>Frees the structure and the <see cref="GCHandle"/> in its <c>data</c> field.</summary>
    protected static void DestroyMemory(nint memory)
    {
        var self = GCHandle.FromIntPtr(*(nint*)memory);
        *(nint*)memory = IntPtr.Zero;
        self.Free();
        NativeMemory.Free((void*)memory);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !IsClosed && !IsInvalid)
        {
            ThrowIfWrongThread();
        }

        base.Dispose(disposing);
    }
}
