using VmBench.Servers.Hosting;
using VmBench.Servers.Libuv.Interop;

namespace VmBench.Servers.Libuv.Internal;

/// <summary>What every connection of one loop shares: the loop, the options, the buffer and write pools.</summary>
internal sealed class EchoLoopContext : IDisposable
{
    private const int MaxRetainedWrites = 1024;

    private readonly Stack<EchoWrite> _writes = new();

    public EchoLoopContext(UvLoopHandle loop, ServerOptions options)
    {
        Loop = loop;
        Readline = options.Mode == ServerMode.Readline;
        MaxLineLength = options.MaxLineLength;
    }

    public UvLoopHandle Loop { get; }

    public bool Readline { get; }

    public int MaxLineLength { get; }

    public NativeBufferPool Buffers { get; } = new();

    public EchoWrite RentWrite() => _writes.TryPop(out var write) ? write : new EchoWrite(this);

    public void ReturnWrite(EchoWrite write)
    {
        if (_writes.Count < MaxRetainedWrites)
        {
            _writes.Push(write);
        }
        else
        {
            write.Dispose();
        }
    }

    public void Dispose()
    {
        while (_writes.TryPop(out var write))
        {
            write.Dispose();
        }

        Buffers.Dispose();
    }
}
