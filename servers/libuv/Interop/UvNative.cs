using System.Runtime.InteropServices;

namespace VmBench.Servers.Libuv.Interop;

/// <summary>
/// The libuv entry points the server uses, and nothing else. Handles and requests are passed as
/// raw pointers: their lifetime is owned by <see cref="UvMemory"/> subclasses on the loop thread.
/// </summary>
internal static unsafe partial class UvNative
{
    static UvNative()
    {
        UvLibrary.RegisterResolver();
    }

    // Loop
    [LibraryImport(UvLibrary.Name)]
    internal static partial nuint uv_loop_size();

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_loop_init(nint loop);

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_run(nint loop, int mode);

    [LibraryImport(UvLibrary.Name)]
    internal static partial void uv_stop(nint loop);

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_loop_close(nint loop);

    [LibraryImport(UvLibrary.Name)]
    internal static partial void uv_walk(nint loop, delegate* unmanaged<nint, nint, void> walkCallback, nint arg);

    // Handles and requests
    [LibraryImport(UvLibrary.Name)]
    internal static partial nuint uv_handle_size(UvHandleType type);

    [LibraryImport(UvLibrary.Name)]
    internal static partial nuint uv_req_size(UvRequestType type);

    [LibraryImport(UvLibrary.Name)]
    internal static partial void uv_close(nint handle, delegate* unmanaged<nint, void> closeCallback);

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_is_closing(nint handle);

    // Async
    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_async_init(nint loop, nint handle, delegate* unmanaged<nint, void> asyncCallback);

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_async_send(nint handle);

    // TCP
    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_tcp_init(nint loop, nint handle);

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_tcp_bind(nint handle, byte* address, uint flags);

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_tcp_getsockname(nint handle, byte* address, int* length);

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_tcp_nodelay(nint handle, int enable);

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_tcp_open(nint handle, int socket);

    [LibraryImport(UvLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int uv_ip4_addr(string ip, int port, byte* address);

    [LibraryImport(UvLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int uv_ip6_addr(string ip, int port, byte* address);

    // Pipes (unix sockets)
    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_pipe_init(nint loop, nint handle, int ipc);

    [LibraryImport(UvLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int uv_pipe_bind(nint handle, string name);

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_pipe_open(nint handle, int file);

    // Streams
    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_listen(nint stream, int backlog, delegate* unmanaged<nint, int, void> connectionCallback);

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_accept(nint server, nint client);

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_read_start(nint stream, delegate* unmanaged<nint, nuint, UvBuf*, void> allocCallback, delegate* unmanaged<nint, nint, UvBuf*, void> readCallback);

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_read_stop(nint stream);

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_try_write(nint stream, UvBuf* buffers, uint count);

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_write(nint request, nint stream, UvBuf* buffers, uint count, delegate* unmanaged<nint, int, void> writeCallback);

    [LibraryImport(UvLibrary.Name)]
    internal static partial int uv_shutdown(nint request, nint stream, delegate* unmanaged<nint, int, void> shutdownCallback);

    // Errors and version (static strings owned by libuv: never freed)
    [LibraryImport(UvLibrary.Name)]
    internal static partial nint uv_err_name(int error);

    [LibraryImport(UvLibrary.Name)]
    internal static partial nint uv_strerror(int error);

    [LibraryImport(UvLibrary.Name)]
    internal static partial nint uv_version_string();
}
