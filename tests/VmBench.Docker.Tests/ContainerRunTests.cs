using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Running;
using VmBench.Docker.Tests.Support;
using VmBench.Testing;
using Xunit.Abstractions;

namespace VmBench.Docker.Tests;

[Trait(Tier.Key, Tier.Docker)]
public sealed class ContainerRunTests
{
    private readonly ITestOutputHelper _output;

    public ContainerRunTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [DockerFact]
    public async Task Two_servers_run_in_containers_and_give_results()
    {
        await using var runtime = await DockerTestRuntime.CreateAsync(_output);
        var benchmarks = new[]
        {
            DockerTestRuntime.Benchmark("sockets", Protocol.TcpEcho),
            DockerTestRuntime.Benchmark("saea", Protocol.UnixEcho),
        };
        var observer = new RecordingObserver();
        var runner = new Runner(runtime, new EchoLoad(), observer, new MedianEstimator());

        var run = await runner.RunAsync(DockerTestRuntime.Plan(benchmarks), CancellationToken.None);

        observer.Notes.ForEach(_output.WriteLine);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal("docker", run.Runtime);
        Assert.Contains("engine.version", run.RuntimeInfo.Keys);
        Assert.All(run.Benchmarks, b => Assert.True(b.Status == Status.Ok, $"{b.Name}: {b.Reason}"));
        foreach (var variation in run.Benchmarks.SelectMany(b => b.Variations))
        {
            Assert.True(variation.Runs[0].Requests > 100, $"only {variation.Runs[0].Requests} echoes");
            var trial = Assert.Single(variation.Trials);
            Assert.True(trial.ServerCpuMicrosPerRequest > 0, "no CPU time from the engine's stats");
            Assert.True(trial.ServerPeakMemoryBytes > 1 << 20, "no peak memory from the engine's stats");
            _output.WriteLine($"{variation.Runs[0].RequestsPerSecond:0} req/s, server cpu {trial.ServerCpuMicrosPerRequest:0.0} us/request, peak {trial.ServerPeakMemoryBytes >> 20} MiB");
        }

        Assert.Empty(await DockerTestRuntime.ContainersOfAsync(runtime.Client, runtime.RunId));
    }
}
