using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using VmBench.Servers.Hosting;

namespace VmBench.Micro.Echo;

/// <summary>
/// One echo round trip on one connection to a .NET server hosted in this process: the client sends the
/// payload and reads all of it back. Time and bytes allocated are per round trip, server and client
/// together (BenchmarkDotNet counts allocations on every thread of the process).
/// </summary>
[MemoryDiagnoser]
public class EchoRoundTripBenchmarks
{
    private static readonly TimeSpan s_startStopTimeout = TimeSpan.FromSeconds(10);

    private IEchoServer? _server;
    private RoundTripClient? _client;
    private string? _socketPath;

    /// <summary>The server under test: every entry of <see cref="EchoServers.All"/>.</summary>
    [ParamsSource(nameof(Servers))]
    public string Server { get; set; } = EchoServers.BaselineId;

    [Params(Transport.Tcp, Transport.Unix)]
    public Transport Transport { get; set; }

    /// <summary>Payload bytes per round trip: 1 B, 1 KiB, 64 KiB.</summary>
    [Params(1, 1024, 64 * 1024)]
    public int Size { get; set; }

    public static IEnumerable<string> Servers => EchoServers.Ids;

    [GlobalSetup]
    public void Setup()
    {
        EndPoint endPoint = Transport == Transport.Tcp
            ? new IPEndPoint(IPAddress.Loopback, 0)
            : new UnixDomainSocketEndPoint(_socketPath = Path.Combine(Path.GetTempPath(), $"vmbench-micro-{Environment.ProcessId}-{Guid.NewGuid():N}.sock"));
        _server = EchoServers.Create(Server);
        using (var timeout = new CancellationTokenSource(s_startStopTimeout))
        {
            _server.StartAsync(new ServerOptions(endPoint, ServerMode.Echo), timeout.Token).AsTask().GetAwaiter().GetResult();
        }

        _client = RoundTripClient.Connect(_server.LocalEndPoint, Size);
        _client.RoundTripVerified();
    }

    [Benchmark]
    public int RoundTrip() => _client!.RoundTrip();

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.Dispose();
        _client = null;
        if (_server is not null)
        {
            using var timeout = new CancellationTokenSource(s_startStopTimeout);
            _server.StopAsync(timeout.Token).AsTask().GetAwaiter().GetResult();
            _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _server = null;
        }

        if (_socketPath is not null && File.Exists(_socketPath))
        {
            File.Delete(_socketPath);
        }

        _socketPath = null;
    }
}
