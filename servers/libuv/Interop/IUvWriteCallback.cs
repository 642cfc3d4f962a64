namespace VmBench.Servers.Libuv.Interop;

/// <summary><c>uv_write_cb</c>: status 0, or an error (<see cref="UvErrors.Canceled"/> when the stream was closed).</summary>
internal interface IUvWriteCallback
{
    void OnWriteCompleted(int status);
}
