using VmBench.Servers.Libuv.Interop;

namespace VmBench.Servers.Libuv.Internal;

/// <summary>Accepts each connection into a new tcp or pipe handle and starts an <see cref="EchoConnection"/> on it.</summary>
internal sealed class EchoListener : IUvConnectionHandler
{
    private readonly EchoLoopContext _context;
    private readonly bool _tcp;

    public EchoListener(EchoLoopContext context, bool tcp)
    {
        _context = context;
        _tcp = tcp;
    }

    public void OnConnection(UvStreamHandle listener, int status)
    {
        if (status < 0)
        {
            return; // e.g. EMFILE: the listener itself is still good
        }

        UvStreamHandle client = _tcp ? new UvTcpHandle(_context.Loop) : new UvPipeHandle(_context.Loop);
        if (listener.Accept(client) < 0)
        {
            client.Dispose();
            return;
        }

        _context.Serve(client);
    }
}
