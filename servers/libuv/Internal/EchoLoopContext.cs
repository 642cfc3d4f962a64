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

    /// <summary>Starts echoing on a connection this loop has just accepted or adopted (TCP_NODELAY on tcp, as the contract asks).</summary>
    public void Serve(UvStreamHandle client)
    {
        if (client is UvTcpHandle tcp)
        {
            tcp.NoDelay(true);
        }

        new EchoConnection(this, client).Start();
    }

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
