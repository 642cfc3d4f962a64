using Docker.DotNet;
using Docker.DotNet.Models;
using VmBench.Core.Catalog;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Running;
using VmBench.Runtimes.Docker;
using Xunit.Abstractions;

namespace VmBench.Docker.Tests.Support;

/// <summary>Makes Docker runtimes, plans and benchmarks for the tests.</summary>
public static class DockerTestRuntime
{
    public static async Task<DockerRuntime> CreateAsync(ITestOutputHelper output, string? host = null, List<string>? log = null)
    {
        DockerTestEnvironment.RequireEngine();
        var options = new DockerRuntimeOptions
        {
            RepositoryRoot = RepositoryRoot.Path,
            ReadinessProbe = new EchoProbe(),
            DockerHost = host,
            Log = line =>
            {
                output.WriteLine(line);
                log?.Add(line);
            },
        };
        var runtime = await DockerRuntime.TryConnectAsync(options, CancellationToken.None);
        Assert.NotNull(runtime);
        return runtime;
    }

    public static ServerManifest Server(string id)
    {
        var catalog = ServerCatalog.Discover(RepositoryRoot.Servers);
        return catalog.Servers.Single(s => s.Id == id);
    }

    public static Benchmark Benchmark(string id, Protocol protocol) => new(Server(id), protocol);

    public static RunPlan Plan(IReadOnlyList<Benchmark> benchmarks, double duration = 1, double warmup = 2, int[]? sizes = null)
    {
        var output = Directory.CreateTempSubdirectory("vmbench-docker-test-").FullName;
        var config = new RunConfig(
            benchmarks.Select(b => b.Name).ToArray(),
            "docker",
            [4],
            sizes ?? [1024],
            duration,
            1,
            42,
            null,
            false,
            new WarmupPolicy(Math.Min(warmup, 1), warmup, Math.Min(4, (int)warmup), 50),
            0.2,
            null,
            false,
            [1],
            [0],
            1,
            30,
            output);
        var environment = new RunEnvironment(Environment.MachineName, "linux", "test", "test", Environment.ProcessorCount, Environment.Version.ToString(), "test", new Dictionary<string, string>());
        return new RunPlan(benchmarks, config, "vmbench run (test)", environment);
    }

    /// <summary>The containers of one runtime, running or not.</summary>
    public static async Task<IList<ContainerListResponse>> ContainersOfAsync(DockerClient client, string runId) =>
        await client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["vmbench=1"] = true, [$"vmbench.run={runId}"] = true } },
            },
            CancellationToken.None);
}
