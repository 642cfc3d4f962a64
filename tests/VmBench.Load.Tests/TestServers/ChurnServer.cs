using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using VmBench.Core.Model;

namespace VmBench.Load.Tests.TestServers;

/// <summary>
/// A loopback echo server for connection churn: <see cref="Threads"/> threads each accept a connection and serve it
/// to its end before the next (no thread per connection, so 100,000 connections cost no 100,000 threads). It counts
/// the connections served to a clean end and the source addresses seen; optionally it resets every N-th connection
/// (SO_LINGER 0, then close: an RST instead of the echo) or flips a byte of the N-th connection's echo.
/// </summary>
public sealed class ChurnServer : IDisposable
{
    public const int Threads = 8;

    private readonly Socket _listener;
    private readonly Thread[] _threads = new Thread[Threads];
    private readonly ConcurrentDictionary<IPAddress, bool> _sources = new();
    private volatile bool _disposed;
    private int _accepted;
    private int _served;
    private int _reset;

    public ChurnServer()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(4096);
        Address = Address.Tcp(IPAddress.Loopback, ((IPEndPoint)_listener.LocalEndPoint!).Port);
        for (var i = 0; i < Threads; i++)
        {
            _threads[i] = new Thread(Accept) { IsBackground = true, Name = "churn-server" };
            _threads[i].Start();
        }
    }

    public Address Address { get; }

    /// <summary>Reset every N-th connection accepted (the 100th, 200th, ...); 0 never.</summary>
    public int ResetEvery { get; init; }

    /// <summary>Flip the first byte of the echo of the N-th connection accepted; 0 never.</summary>
    public int CorruptConnection { get; init; }

    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Connections that echoed everything and saw the client close.</summary>
    public int Served => Volatile.Read(ref _served);

    public int Reset => Volatile.Read(ref _reset);

    /// <summary>The distinct client addresses seen.</summary>
    public int Sources => _sources.Count;

    public void Dispose()
    {
        _disposed = true;
        _listener.Dispose();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }
    }

    private void Accept()
    {
        var buffer = new byte[64 * 1024];
        while (!_disposed)
        {
            Socket connection;
            try
            {
                connection = _listener.Accept();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            using (connection)
            {
                var number = Interlocked.Increment(ref _accepted);
                _sources.TryAdd(((IPEndPoint)connection.RemoteEndPoint!).Address, true);
                if (ResetEvery > 0 && number % ResetEvery == 0)
                {
                    connection.LingerState = new LingerOption(true, 0);
                    Interlocked.Increment(ref _reset);
                    continue;
                }

                try
                {
                    connection.ReceiveTimeout = 5000;
                    Serve(connection, buffer, number == CorruptConnection);
                }
                catch (SocketException)
                {
                    // The client went away (the end of its job).
                }
            }
        }
    }

    private void Serve(Socket connection, byte[] buffer, bool corrupt)
    {
        while (true)
        {
            var n = connection.Receive(buffer);
            if (n == 0)
            {
                Interlocked.Increment(ref _served);
                return;
            }

            if (corrupt)
            {
                buffer[0] ^= 0x5A;
                corrupt = false;
            }

            connection.Send(buffer.AsSpan(0, n));
        }
    }
}
