using System.Runtime.InteropServices;

namespace VmBench.Servers.Libuv.Interop;

/// <summary>A <c>uv_write_t</c>, reusable: pool them so the steady state allocates nothing.</summary>
internal sealed unsafe class UvWriteRequest : UvRequest
{
    private IUvWriteCallback? _callback;

    public UvWriteRequest(UvLoopHandle loop)
        : base(loop, UvRequestType.Write)
    {
    }

    internal int Write(UvStreamHandle stream, UvBuf* buffers, int count, IUvWriteCallback callback)
    {
        ThrowIfWrongThread();
        if (InFlight)
        {
            throw new InvalidOperationException("The write request is already in flight.");
        }

        _callback = callback;
        var result = UvNative.uv_write(handle, stream.Pointer, buffers, (uint)count, &OnWrite);
        InFlight = result >= 0;
        return result;
    }

    [UnmanagedCallersOnly]
    private static void OnWrite(nint request, int status)
    {
        var target = FromPointer<UvWriteRequest>(request);
        var callback = target._callback!;
        target._callback = null;
        target.InFlight = false;
        try
        {
            callback.OnWriteCompleted(status);
        }
        catch (Exception ex)
        {
            target.Loop.Fail(ex);
        }
    }
}
