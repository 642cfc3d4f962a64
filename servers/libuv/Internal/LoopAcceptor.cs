using System.Net.Sockets;

namespace VmBench.Servers.Libuv.Internal;

/// <summary>
/// The listener of a server with several loops: a thread blocked in <c>accept4</c> hands each connection to the
/// next loop in turn, so connections spread evenly over the loops. One listening socket, not one SO_REUSEPORT
/// socket per loop: SO_REUSEPORT would let a second server bind the same port instead of failing with "address
/// in use"; and loops watching one shared listener in their own epoll sets would each accept greedily (libuv
/// accepts until EAGAIN), so one loop would take most connections.
/// </summary>
internal sealed class LoopAcceptor : IDisposable
{
    private const int Einval = 22;
    private const int Enomem = 12;
    private const int Enfile = 23;
    private const int Emfile = 24;
    private const int Enobufs = 105;

    private readonly Socket _listener;
    private readonly int _descriptor;
    private readonly IReadOnlyList<LibuvLoopThread> _loops;
    private readonly bool _tcp;
    private readonly Thread _thread;
    private volatile bool _stopping;

    public LoopAcceptor(Socket listener, IReadOnlyList<LibuvLoopThread> loops)
    {
        _listener = listener;
        _descriptor = (int)listener.Handle; // .NET left it blocking: no asynchronous operation ever ran on it
        _loops = loops;
        _tcp = listener.ProtocolType == ProtocolType.Tcp;
        _thread = new Thread(Run) { IsBackground = true, Name = "libuv acceptor" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stopping = true;
        Descriptors.StopAccepting(_descriptor);
        _thread.Join();
        _listener.Dispose();
    }

    private void Run()
    {
        var next = 0;
        while (!_stopping)
        {
            var descriptor = Descriptors.Accept(_descriptor, out var error);
            if (descriptor >= 0)
            {
                _loops[next++ % _loops.Count].Adopt(descriptor, _tcp);
            }
            else if (error == Einval)
            {
                return; // StopAccepting
            }
            else if (error is Emfile or Enfile or Enobufs or Enomem)
            {
                Thread.Sleep(10); // out of descriptors or memory: the listener is still good; back off briefly
            }
        }
    }
}
