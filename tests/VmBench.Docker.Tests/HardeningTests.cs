using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using VmBench.Core.Running;
using VmBench.Docker.Tests.Support;
using Xunit.Abstractions;

namespace VmBench.Docker.Tests;

[Trait(Tier.Key, Tier.Docker)]
public sealed class HardeningTests
{
    private readonly ITestOutputHelper _output;

    public HardeningTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [DockerFact]
    public async Task A_server_container_is_locked_down()
    {
        await using var runtime = await DockerTestRuntime.CreateAsync(_output);
        var benchmark = DockerTestRuntime.Benchmark("sockets", Protocol.TcpEcho);
        Assert.True((await runtime.BuildAsync(benchmark.Server, CancellationToken.None)).Usable);
        var launch = new ServerLaunch(benchmark, Address.Parse("127.0.0.1:" + AddressAllocator.FreeTcpPort()), [1], TimeSpan.FromSeconds(30), Connections: 1000);
        await using var server = await runtime.StartAsync(launch, CancellationToken.None);

        var container = Assert.Single(await DockerTestRuntime.ContainersOfAsync(runtime.Client, runtime.RunId));
        var inspect = await runtime.Client.Containers.InspectContainerAsync(container.ID, CancellationToken.None);

        Assert.Equal("10001:10001", inspect.Config.User);
        Assert.True(inspect.HostConfig.ReadonlyRootfs);
        Assert.Contains("ALL", inspect.HostConfig.CapDrop);
        Assert.Contains("no-new-privileges", inspect.HostConfig.SecurityOpt);
        Assert.Equal(2L << 30, inspect.HostConfig.Memory);
        Assert.Equal(512L + 1000, inspect.HostConfig.PidsLimit); // a thread per connection besides the 512
        Assert.Contains(inspect.HostConfig.Ulimits, u => u.Name == "nofile" && u.Soft == OpenFileLimit.ForServers && u.Hard == OpenFileLimit.ForServers);
        Assert.Equal("1", inspect.HostConfig.CpusetCpus);
        Assert.Equal("host", inspect.HostConfig.NetworkMode);
        Assert.Contains("/tmp", inspect.HostConfig.Tmpfs.Keys);

        // The process itself, seen from the host: not root, no capabilities, no new privileges.
        var status = await File.ReadAllLinesAsync($"/proc/{inspect.State.Pid}/status");
        string Field(string name) => status.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();
        Assert.StartsWith("10001", Field("Uid"), StringComparison.Ordinal);
        Assert.StartsWith("10001", Field("Gid"), StringComparison.Ordinal);
        Assert.Equal("0000000000000000", Field("CapEff"));
        Assert.Equal("1", Field("NoNewPrivs"));
        Assert.Equal("1", Field("Cpus_allowed_list"));

        Assert.Equal(0, await server.StopAsync(CancellationToken.None));
    }
}
