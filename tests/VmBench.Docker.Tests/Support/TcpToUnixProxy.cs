using System.Net;
using System.Net.Sockets;

namespace VmBench.Docker.Tests.Support;

/// <summary>
/// Makes a unix-socket engine reachable at tcp://127.0.0.1:PORT (a byte pump per connection), so
/// the tcp path of the client is tested on any host, even when the engine listens on its socket only.
/// </summary>
public sealed class TcpToUnixProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _socketPath;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TcpToUnixProxy(string socketPath)
    {
        _socketPath = socketPath;
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public string Host => $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptSocketAsync(_stop.Token);
            _ = Task.Run(() => PumpAsync(client));
        }
    }

    private async Task PumpAsync(Socket client)
    {
        using (client)
        using (var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                await engine.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), _stop.Token);
                using var a = new NetworkStream(client, ownsSocket: false);
                using var b = new NetworkStream(engine, ownsSocket: false);
                var up = CopyThenShutdownAsync(a, engine);
                var down = CopyThenShutdownAsync(b, client);
                await Task.WhenAll(up, down);
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
            {
                // One side went away.
            }
        }
    }

    private async Task CopyThenShutdownAsync(Stream from, Socket to)
    {
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
        }

        to.Shutdown(SocketShutdown.Send);
    }
}
