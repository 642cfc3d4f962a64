using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using VmBench.Core.Model;

namespace VmBench.Load.Tests.TestServers;

/// <summary>A small loopback server, one blocking thread per connection running <see cref="IConnectionBehaviour"/>.</summary>
public sealed class TestServer : IDisposable
{
    private readonly Socket _listener;
    private readonly IConnectionBehaviour _behaviour;
    private readonly ConcurrentDictionary<Socket, bool> _connections = new();
    private readonly Thread _acceptor;
    private volatile bool _disposed;
    private readonly TimeSpan _acceptAfter;
    private int _accepted;

    /// <param name="acceptAfter">How long the server waits before it accepts its first connection (the kernel completes the connects meanwhile).</param>
    public TestServer(IConnectionBehaviour behaviour, string? unixPath = null, TimeSpan acceptAfter = default)
    {
        _behaviour = behaviour;
        _acceptAfter = acceptAfter;
        if (unixPath is null)
        {
            _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
            Address = Address.Tcp(IPAddress.Loopback, Port);
        }
        else
        {
            _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _listener.Bind(new UnixDomainSocketEndPoint(unixPath));
            Address = Address.Unix(unixPath);
        }

        _listener.Listen(512);
        _acceptor = new Thread(Accept) { IsBackground = true, Name = "test-server-accept" };
        _acceptor.Start();
    }

    public int Port { get; }

    public Address Address { get; }

    /// <summary>Connections open right now (the server's side not yet closed).</summary>
    public int Open => _connections.Count;

    public int Accepted => Volatile.Read(ref _accepted);

    public void Dispose()
    {
        _disposed = true;
        _listener.Dispose();
        foreach (var connection in _connections.Keys)
        {
            connection.Dispose();
        }
    }

    private void Accept()
    {
        Thread.Sleep(_acceptAfter);
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

            if (connection.AddressFamily != AddressFamily.Unix)
            {
                connection.NoDelay = true;
            }

            _connections[connection] = true;
            Interlocked.Increment(ref _accepted);
            var thread = new Thread(() => Serve(connection)) { IsBackground = true, Name = "test-server-connection" };
            thread.Start();
        }
    }

    private void Serve(Socket connection)
    {
        try
        {
            _behaviour.Serve(connection);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            // The client went away or the server is closing.
        }
        finally
        {
            _connections.TryRemove(connection, out _);
            connection.Dispose();
        }
    }
}
