using Docker.DotNet.Models;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Running;
using VmBench.Core.Runtimes;
using VmBench.Docker.Tests.Support;
using VmBench.Runtimes.Docker.Internal;
using VmBench.Testing;
using Xunit.Abstractions;
using Address = VmBench.Core.Model.Address;

namespace VmBench.Docker.Tests;

[Trait(Tier.Key, Tier.Docker)]
public sealed class ContainerFailureTests
{
    private readonly ITestOutputHelper _output;

    public ContainerFailureTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [DockerFact]
    public async Task A_server_that_exits_at_start_fails_with_its_output()
    {
        using var folder = new TempServer("exits", "ARG BASE_IMAGE=vmbench-base:bookworm\nFROM ${BASE_IMAGE}\nENTRYPOINT [\"/bin/sh\", \"-c\", \"echo boom; exit 3\", \"--\"]\n");
        await using var runtime = await DockerTestRuntime.CreateAsync(_output);
        var build = await runtime.BuildAsync(folder.Manifest, CancellationToken.None);
        Assert.True(build.Usable, build.Message);

        var launch = new ServerLaunch(folder.Benchmark, Address.Parse("127.0.0.1:" + AddressAllocator.FreeTcpPort()), [1], TimeSpan.FromSeconds(20));
        var error = await Assert.ThrowsAsync<ServerStartException>(() => runtime.StartAsync(launch, CancellationToken.None));

        _output.WriteLine(error.Message);
        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Empty(await DockerTestRuntime.ContainersOfAsync(runtime.Client, runtime.RunId));
    }

    [DockerFact]
    public async Task A_server_that_ignores_addr_fails_at_once_naming_the_port_its_container_listens_on()
    {
        // perl-base is in every Debian image: a listener on a port of its own choosing, whatever --addr says.
        const string Listener = "$s = IO::Socket::INET->new(Listen => 5, LocalAddr => '127.0.0.1', LocalPort => 0) or die $!; $| = 1; print 'listening on ', $s->sockport, qq(\\n); sleep 1 while 1";
        using var folder = new TempServer("own-port", $"ARG BASE_IMAGE=vmbench-base:bookworm\nFROM ${{BASE_IMAGE}}\nENTRYPOINT [\"/usr/bin/perl\", \"-MIO::Socket::INET\", \"-e\", \"{Listener}\", \"--\"]\n");
        await using var runtime = await DockerTestRuntime.CreateAsync(_output);
        var build = await runtime.BuildAsync(folder.Manifest, CancellationToken.None);
        Assert.True(build.Usable, build.Message);

        var address = "127.0.0.1:" + AddressAllocator.FreeTcpPort();
        var launch = new ServerLaunch(folder.Benchmark, Address.Parse(address), [1], TimeSpan.FromSeconds(90));
        var error = await Assert.ThrowsAsync<ServerStartException>(() => runtime.StartAsync(launch, CancellationToken.None));

        _output.WriteLine(error.Message);
        Assert.Matches(@"^the server listens on 127\.0\.0\.1:\d+, not on " + address.Replace(".", @"\.", StringComparison.Ordinal), error.Message);
        Assert.Contains($"its ENTRYPOINT followed by --addr {address} --mode echo", error.Message, StringComparison.Ordinal);
        Assert.Contains("| listening on ", error.Message, StringComparison.Ordinal);
        Assert.Empty(await DockerTestRuntime.ContainersOfAsync(runtime.Client, runtime.RunId));
    }

    [DockerFact]
    public async Task A_container_killed_during_a_variation_fails_that_benchmark_and_the_run_goes_on()
    {
        await using var runtime = await DockerTestRuntime.CreateAsync(_output);
        var victim = DockerTestRuntime.Benchmark("sockets", Protocol.TcpEcho);
        var next = DockerTestRuntime.Benchmark("sockets", Protocol.UnixEcho);
        var killed = 0;
        var load = new EchoLoad
        {
            During = async (spec, ct) =>
            {
                if (spec.Address.IsUnix || spec.Duration < TimeSpan.FromSeconds(1) || Interlocked.Exchange(ref killed, 1) == 1)
                {
                    return;
                }

                await Task.Delay(400, ct);
                var containers = await DockerTestRuntime.ContainersOfAsync(runtime.Client, runtime.RunId);
                // Every benchmark's server is up during the trials: kill the victim's.
                var target = Assert.Single(containers, c => c.Labels.TryGetValue(DockerLabels.Benchmark, out var b) && b == victim.Name);
                _output.WriteLine($"killing {target.Names[0]}");
                await runtime.Client.Containers.KillContainerAsync(target.ID, new ContainerKillParameters { Signal = "KILL" }, ct);
            },
        };
        var runner = new Runner(runtime, load, new RecordingObserver(), new MedianEstimator());

        var run = await runner.RunAsync(DockerTestRuntime.Plan([victim, next], duration: 2), CancellationToken.None);

        Assert.Equal(1, killed);
        Assert.Equal(Status.Failed, run.Benchmarks[0].Status);
        _output.WriteLine($"{run.Benchmarks[0].Name}: {run.Benchmarks[0].Reason}");
        Assert.Equal(Status.Ok, run.Benchmarks[1].Status);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Empty(await DockerTestRuntime.ContainersOfAsync(runtime.Client, runtime.RunId));
    }

    [DockerFact]
    public async Task Ctrl_C_in_the_middle_of_a_run_leaves_no_container()
    {
        await using var runtime = await DockerTestRuntime.CreateAsync(_output);
        using var ctrlC = new CancellationTokenSource();
        var load = new EchoLoad
        {
            During = async (spec, ct) =>
            {
                await Task.Delay(500, CancellationToken.None);
                Assert.Equal(2, (await DockerTestRuntime.ContainersOfAsync(runtime.Client, runtime.RunId)).Count); // both servers stay up through the trials
                await ctrlC.CancelAsync();
            },
        };
        var runner = new Runner(runtime, load, new RecordingObserver(), new MedianEstimator());
        var plan = DockerTestRuntime.Plan([DockerTestRuntime.Benchmark("sockets", Protocol.TcpEcho), DockerTestRuntime.Benchmark("saea", Protocol.TcpEcho)], duration: 30, warmup: 0);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(plan, ctrlC.Token));

        Assert.Empty(await DockerTestRuntime.ContainersOfAsync(runtime.Client, runtime.RunId));
    }
}
