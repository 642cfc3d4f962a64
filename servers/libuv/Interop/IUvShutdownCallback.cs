namespace VmBench.Servers.Libuv.Interop;

/// <summary><c>uv_shutdown_cb</c>: pending writes are done and the write side is shut (status 0), or an error.</summary>
internal interface IUvShutdownCallback
{
    void OnShutdownCompleted(UvShutdownRequest request, int status);
}
