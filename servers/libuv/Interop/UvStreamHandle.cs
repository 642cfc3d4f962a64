using System.Runtime.InteropServices;

namespace VmBench.Servers.Libuv.Interop;

/// <summary>A <c>uv_stream_t</c>: listen/accept, read with an alloc callback, write, shutdown.</summary>
internal abstract unsafe class UvStreamHandle : UvHandle
{
    private IUvConnectionHandler? _connectionHandler;
    private IUvStreamHandler? _streamHandler;

    protected UvStreamHandle(UvLoopHandle loop, UvHandleType type)
        : base(loop, type)
    {
    }

    public void Listen(int backlog, IUvConnectionHandler handler)
    {
        ThrowIfWrongThread();
        _connectionHandler = handler;
        UvErrors.ThrowIfError(UvNative.uv_listen(handle, backlog, &OnConnection), "uv_listen");
    }

    /// <summary>Takes over a connected socket's descriptor (<c>uv_tcp_open</c> / <c>uv_pipe_open</c>, which make it non-blocking); returns the libuv status.</summary>
    public abstract int Open(int descriptor);

    /// <summary><c>uv_accept</c> into an initialised client handle; returns the libuv status.</summary>
    public int Accept(UvStreamHandle client)
    {
        ArgumentNullException.ThrowIfNull(client);
        ThrowIfWrongThread();
        return UvNative.uv_accept(handle, client.handle);
    }

    /// <summary><c>uv_read_start</c>; returns the libuv status.</summary>
    public int ReadStart(IUvStreamHandler handler)
    {
        ThrowIfWrongThread();
        _streamHandler = handler;
        return UvNative.uv_read_start(handle, &OnAlloc, &OnRead);
    }

    public int ReadStop()
    {
        ThrowIfWrongThread();
        return UvNative.uv_read_stop(handle);
    }

    /// <summary><c>uv_try_write</c>: bytes written now, <see cref="UvErrors.TryAgain"/> when none could be (or writes are queued), or an error.</summary>
    public int TryWrite(UvBuf* buffers, int count)
    {
        ThrowIfWrongThread();
        return UvNative.uv_try_write(handle, buffers, (uint)count);
    }

    /// <summary><c>uv_write</c>: libuv copies the buffer descriptors, not the bytes; they must stay valid until the callback.</summary>
    public int Write(UvWriteRequest request, UvBuf* buffers, int count, IUvWriteCallback callback)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfWrongThread();
        return request.Write(this, buffers, count, callback);
    }

    /// <summary><c>uv_shutdown</c>: waits for queued writes, then shuts the write side.</summary>
    public int Shutdown(UvShutdownRequest request, IUvShutdownCallback callback)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfWrongThread();
        return request.Shutdown(this, callback);
    }

    protected override void OnClosed()
    {
        var handler = _streamHandler;
        _streamHandler = null;
        _connectionHandler = null;
        handler?.OnClosed();
    }

    [UnmanagedCallersOnly]
    private static void OnConnection(nint server, int status)
    {
        var target = FromPointer<UvStreamHandle>(server);
        try
        {
            target._connectionHandler?.OnConnection(target, status);
        }
        catch (Exception ex)
        {
            target.Loop.Fail(ex);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnAlloc(nint stream, nuint suggestedSize, UvBuf* buffer)
    {
        var target = FromPointer<UvStreamHandle>(stream);
        try
        {
            target._streamHandler!.OnAlloc(suggestedSize, buffer);
        }
        catch (Exception ex)
        {
            *buffer = default; // libuv reports UV_ENOBUFS to the read callback
            target.Loop.Fail(ex);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnRead(nint stream, nint nread, UvBuf* buffer)
    {
        var target = FromPointer<UvStreamHandle>(stream);
        try
        {
            target._streamHandler!.OnRead(nread, buffer);
        }
        catch (Exception ex)
        {
            target.Loop.Fail(ex);
        }
    }
}
