using VmBench.Servers.Libuv.Interop;

namespace VmBench.Servers.Libuv.Internal;

/// <summary>
/// One queued write: a pooled <see cref="UvWriteRequest"/> and the buffers it sends, which go
/// back to the pool when libuv reports the write done (or cancelled).
/// </summary>
internal sealed unsafe class EchoWrite : IUvWriteCallback, IDisposable
{
    private readonly EchoLoopContext _context;
    private readonly UvWriteRequest _request;
    private EchoConnection? _connection;
    private BufferBlock _first;
    private BufferBlock _second;
    private int _bytes;

    public EchoWrite(EchoLoopContext context)
    {
        _context = context;
        _request = new UvWriteRequest(context.Loop);
    }

    /// <summary>Submits the write; on failure the buffers and this object are already back in their pools.</summary>
    public int Submit(EchoConnection connection, UvStreamHandle stream, UvBuf* buffers, int count, int bytes, BufferBlock first, BufferBlock second)
    {
        _connection = connection;
        _first = first;
        _second = second;
        _bytes = bytes;
        var result = stream.Write(_request, buffers, count, this);
        if (result < 0)
        {
            Release();
        }

        return result;
    }

    public void OnWriteCompleted(int status)
    {
        var connection = _connection!;
        var bytes = _bytes;
        Release();
        connection.OnWriteCompleted(bytes, status);
    }

    public void Dispose() => _request.Dispose();

    private void Release()
    {
        _context.Buffers.Return(_first);
        _context.Buffers.Return(_second);
        _first = default;
        _second = default;
        _connection = null;
        _bytes = 0;
        _context.ReturnWrite(this);
    }
}
