using System.Runtime.InteropServices;

namespace VmBench.Servers.Libuv.Interop;

/// <summary>A <c>uv_shutdown_t</c>.</summary>
internal sealed unsafe class UvShutdownRequest : UvRequest
{
    private IUvShutdownCallback? _callback;

    public UvShutdownRequest(UvLoopHandle loop)
        : base(loop, UvRequestType.Shutdown)
    {
    }

    internal int Shutdown(UvStreamHandle stream, IUvShutdownCallback callback)
    {
        ThrowIfWrongThread();
        if (InFlight)
        {
            throw new InvalidOperationException("The shutdown request is already in flight.");
        }

        _callback = callback;
        var result = UvNative.uv_shutdown(handle, stream.Pointer, &OnShutdown);
        InFlight = result >= 0;
        return result;
    }

    [UnmanagedCallersOnly]
    private static void OnShutdown(nint request, int status)
    {
        var target = FromPointer<UvShutdownRequest>(request);
        var callback = target._callback!;
        target._callback = null;
        target.InFlight = false;
        try
        {
            callback.OnShutdownCompleted(target, status);
        }
        catch (Exception ex)
        {
            target.Loop.Fail(ex);
        }
    }
}
