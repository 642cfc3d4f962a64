using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using VmBench.Core.Running;
using VmBench.Docker.Tests.Support;
using Xunit.Abstractions;

namespace VmBench.Docker.Tests;

[Trait(Tier.Key, Tier.Docker)]
public sealed class TcpEngineTests
{
    private readonly ITestOutputHelper _output;

    public TcpEngineTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [DockerFact]
    public async Task An_engine_reached_over_tcp_runs_a_server()
    {
        // The engine's own tcp listener (docker/start-engine.sh --tcp 127.0.0.1:2375, or $VMBENCH_DOCKER_TCP) when it has one,
        // else a tcp-to-socket pump in this process: either way the client speaks HTTP over tcp://.
        await using var proxy = new TcpToUnixProxy("/var/run/docker.sock");
        var host = DockerTestEnvironment.Probe(DockerTestEnvironment.TcpHost) is not null ? DockerTestEnvironment.TcpHost : proxy.Host;
        _output.WriteLine($"engine over {host}");

        await using var runtime = await DockerTestRuntime.CreateAsync(_output, host);
        Assert.Equal("tcp", runtime.Engine.Host.Scheme);
        Assert.StartsWith("tcp://127.0.0.1", runtime.Describe()["engine.host"], StringComparison.Ordinal);
        var benchmark = DockerTestRuntime.Benchmark("sockets", Protocol.TcpEcho);
        var build = await runtime.BuildAsync(benchmark.Server, CancellationToken.None);
        Assert.True(build.Usable, build.Message);

        var launch = new ServerLaunch(benchmark, Address.Parse("127.0.0.1:" + AddressAllocator.FreeTcpPort()), [1], TimeSpan.FromSeconds(30));
        await using (var server = await runtime.StartAsync(launch, CancellationToken.None))
        {
            Assert.Null(await new EchoProbe().TryOnceAsync(server.Address, Mode.Echo, null, CancellationToken.None));
            Assert.Equal(0, await server.StopAsync(CancellationToken.None));
        }

        Assert.Empty(await DockerTestRuntime.ContainersOfAsync(runtime.Client, runtime.RunId));
    }

    [Fact]
    public async Task No_engine_answers_quickly()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var engine = await VmBench.Runtimes.Docker.DockerEngine.ProbeAsync("tcp://127.0.0.1:" + AddressAllocator.FreeTcpPort(), null, CancellationToken.None);
        Assert.Null(engine);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");

        engine = await VmBench.Runtimes.Docker.DockerEngine.ProbeAsync("unix:///tmp/no-such-docker.sock", null, CancellationToken.None);
        Assert.Null(engine);
    }
}
