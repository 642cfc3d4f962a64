using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Load;
using Xunit.Abstractions;

namespace VmBench.Robustness.Tests.Servers;

/// <summary>
/// The C10K case against the C reference and a .NET server, through the real load client: 10,000 connections set
/// up (each with one verified echo), then a second of closed-loop load on all of them, every byte verified.
/// </summary>
[Collection(RobustnessCollection.Name)]
[Trait(Tier.Key, Tier.Robustness)]
public sealed class TenThousandConnectionsTests(BuiltServers servers, ITestOutputHelper output)
{
    private const int Connections = 10_000;

    [Theory]
    [InlineData("tcpecho-c-epoll")]
    [InlineData("tcpecho-sockets")]
    public async Task Ten_thousand_connections_are_set_up_and_every_one_carries_verified_echoes(string benchmark)
    {
        var server = await servers.StartAsync(benchmark);
        await using (server)
        {
            var spec = new LoadSpec(server.Address, Mode.Echo, 1024, Connections, 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.5), HardTimeout: TimeSpan.FromSeconds(60));
            var result = await new LoadGenerator().RunAsync(spec, null, CancellationToken.None);

            output.WriteLine($"{benchmark}: set-up {result.ConnectSeconds:0.00} s, {result.RequestsPerSecond:N0} req/s, p99 {result.Latency.P99:0.0} ms, {result.Errors} errors, client {result.Client?.CpuMicrosPerRequest:0.0} us/request");
            Assert.True(result.Succeeded, $"{benchmark}: {result.Failure}");
            Assert.Equal(0, result.Errors);
            // Each of the 10,000 connections answered its set-up request; the load then completed more than one round.
            Assert.True(result.Requests > Connections, $"{benchmark}: {result.Requests} requests in the measured second over {Connections} connections");
            Assert.NotNull(result.ConnectSeconds);
            Assert.False(server.HasExited, $"{benchmark}: the server exited");
        }
    }
}
