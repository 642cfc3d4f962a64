using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VmBench.Reporting.Tests.Support;

/// <summary>An HTTP proxy that answers nothing and records the first line of every request sent to it (GET http://host/..., CONNECT host:443).</summary>
internal sealed class RecordingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RecordingProxy()
    {
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<string> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var buffer = new byte[512];
            using var read = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            read.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                var n = await client.GetStream().ReadAsync(buffer, read.Token);
                var text = Encoding.ASCII.GetString(buffer, 0, n);
                var end = text.IndexOf('\r', StringComparison.Ordinal);
                Requests.Enqueue(end < 0 ? text : text[..end]);
            }
            catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
            {
                Requests.Enqueue("(a connection that sent nothing)");
            }
        }
    }
}
