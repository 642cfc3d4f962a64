using System.Net;
using System.Net.Sockets;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Libuv.Tests;

/// <summary>Starts a <see cref="LibuvEchoServer"/> in-process on loopback and stops it when disposed.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly string? _socketPath;

    private TestServer(LibuvEchoServer server, string? socketPath)
    {
        Server = server;
        _socketPath = socketPath;
    }

    public LibuvEchoServer Server { get; }

    public EndPoint EndPoint => Server.LocalEndPoint;

    public static Task<TestServer> StartTcpAsync(ServerMode mode = ServerMode.Echo, int maxLineLength = ServerOptions.DefaultMaxLineLength, int loops = 1) =>
        StartAsync(new IPEndPoint(IPAddress.Loopback, 0), mode, maxLineLength, null, loops);

    public static Task<TestServer> StartTcp6Async() =>
        StartAsync(new IPEndPoint(IPAddress.IPv6Loopback, 0), ServerMode.Echo, ServerOptions.DefaultMaxLineLength, null);

    public static Task<TestServer> StartUnixAsync(ServerMode mode = ServerMode.Echo, int loops = 1)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vmbench-libuv-{Guid.NewGuid():N}.sock");
        return StartAsync(new UnixDomainSocketEndPoint(path), mode, ServerOptions.DefaultMaxLineLength, path, loops);
    }

    public Task<Socket> ConnectAsync(CancellationToken cancellationToken) => Wire.ConnectAsync(EndPoint, cancellationToken);

    /// <summary>Polls the loop's handle count until it equals <paramref name="expected"/> (or the deadline passes); returns the last count.</summary>
    public async Task<int> WaitForHandleCountAsync(int expected, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        var count = await Server.CountHandlesAsync();
        while (count != expected && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
            count = await Server.CountHandlesAsync();
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Server.StopAsync(timeout.Token);
        await Server.DisposeAsync();
        if (_socketPath is not null)
        {
            File.Delete(_socketPath);
        }
    }

    private static async Task<TestServer> StartAsync(EndPoint endPoint, ServerMode mode, int maxLineLength, string? socketPath, int loops = 1)
    {
        var server = new LibuvEchoServer(loops);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await server.StartAsync(new ServerOptions(endPoint, mode, maxLineLength), timeout.Token);
        return new TestServer(server, socketPath);
    }
}
