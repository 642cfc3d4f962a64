namespace VmBench.Servers.Libuv.Interop;

/// <summary>A <c>uv_req_t</c>: plain memory that libuv borrows from submit to callback, reusable after.</summary>
internal abstract class UvRequest : UvMemory
{
    protected UvRequest(UvLoopHandle loop, UvRequestType type)
    {
        ArgumentNullException.ThrowIfNull(loop);
        loop.ThrowIfWrongThread();
        Loop = loop;
        CreateMemory(loop.ThreadId, UvNative.uv_req_size(type));
    }

    public UvLoopHandle Loop { get; }

    /// <summary>Submitted and its callback not yet run: libuv owns the memory.</summary>
    public bool InFlight { get; protected set; }

    protected override void Dispose(bool disposing)
    {
        if (disposing && InFlight)
        {
            throw new InvalidOperationException($"{GetType().Name} disposed while libuv still uses it.");
        }

        base.Dispose(disposing);
    }

    protected override bool ReleaseHandle()
    {
        DestroyMemory(handle);
        return true;
    }
}
