using System.Net;
using System.Net.Sockets;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Tests;

/// <summary>A server started in-process for one test; disposing stops it within a bounded time.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(10);

    private readonly DirectoryInfo? _socketDirectory;
    private bool _stopped;

    private TestServer(IEchoServer server, DirectoryInfo? socketDirectory)
    {
        Server = server;
        _socketDirectory = socketDirectory;
    }

    public IEchoServer Server { get; }

    public EndPoint EndPoint => Server.LocalEndPoint;

    public static async Task<TestServer> StartAsync(string name, string address, ServerMode mode, int maxLineLength = ServerOptions.DefaultMaxLineLength, ServerTls? tls = null)
    {
        DirectoryInfo? directory = null;
        EndPoint endPoint;
        if (address == AddressKind.Unix)
        {
            directory = Directory.CreateTempSubdirectory("vmb");
            endPoint = new UnixDomainSocketEndPoint(Path.Combine(directory.FullName, "s.sock"));
        }
        else
        {
            endPoint = new IPEndPoint(IPAddress.Loopback, 0);
        }

        var server = ServerCatalog.Create(name);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await server.StartAsync(new ServerOptions(endPoint, mode, maxLineLength, tls), timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            directory?.Delete(recursive: true);
            throw;
        }

        return new TestServer(server, directory);
    }

    public Task<Socket> ConnectAsync(CancellationToken cancellationToken) => Wire.ConnectAsync(EndPoint, cancellationToken);

    /// <summary>Stops the server; fails the test if that takes longer than the bound.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var timeout = new CancellationTokenSource(s_stopTimeout);
        await Server.StopAsync(timeout.Token).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await Server.DisposeAsync().ConfigureAwait(false);
            _socketDirectory?.Delete(recursive: true);
        }
    }
}
