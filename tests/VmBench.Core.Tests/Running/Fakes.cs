using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Runtimes;
using VmBench.Core.Running;

namespace VmBench.Core.Tests.Running;

internal sealed class FakeRuntime : IServerRuntime
{
    public List<string> Started { get; } = [];

    public List<FakeServer> Servers { get; } = [];

    public Func<ServerManifest, BuildResult> Build { get; init; } = s => BuildResult.Built(s.Id + " built");

    public Func<ServerLaunch, Exception?> StartFailure { get; init; } = _ => null;

    public string Name => "fake";

    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string> { ["kind"] = "fake" };

    public List<string> Builds { get; } = [];

    public Task<BuildResult> BuildAsync(ServerManifest server, CancellationToken cancellationToken)
    {
        Builds.Add(server.Id);
        return Task.FromResult(Build(server));
    }

    public Task<IRunningServer> StartAsync(ServerLaunch launch, CancellationToken cancellationToken)
    {
        Started.Add(launch.Benchmark.Name);
        if (StartFailure(launch) is { } failure)
        {
            throw failure;
        }

        var server = new FakeServer(launch.Address);
        Servers.Add(server);
        return Task.FromResult<IRunningServer>(server);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal sealed class FakeServer(string address) : IRunningServer
{
    public string Address { get; } = address;

    public bool HasExited { get; set; }

    public bool Disposed { get; private set; }

    public string LogTail(int lines = 20) => "fake log line";

    public Task<ResourceUsage?> ReadUsageAsync(CancellationToken cancellationToken) => Task.FromResult<ResourceUsage?>(new ResourceUsage(1, 1000, 2000));

    public Task<int?> StopAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(0);

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}

internal sealed class FakeLoad(Func<LoadSpec, int, CancellationToken, LoadResult> measure) : ILoadGenerator
{
    public int Calls { get; private set; }

    public Task<LoadResult> RunAsync(LoadSpec spec, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(measure(spec, Calls++, cancellationToken));
    }

    public static LoadResult Result(double rps, string? failure = null)
    {
        var latency = new LatencySummary(100, 0.1, 0.2, 1, 0.05, 0.25, 0.15, 0.2, 0.25, 0.3, 0.5, 0.9, 1, [new PercentilePoint(50, 0.2)]);
        return new LoadResult((long)rps, (long)rps, (long)rps * 1024, 1, rps, rps / 1024, latency, null, null, 0, failure, [new TimelineSample(0, rps, 0.5)], null, null);
    }
}

internal sealed class SilentObserver : IRunObserver
{
    public void RunStarting(RunPlan plan, string runtime)
    {
    }

    public void BenchmarkStarting(Benchmark benchmark, int index, int count, TimeSpan timeLeft)
    {
    }

    public void Note(Benchmark benchmark, string message)
    {
    }

    public void VariationStarting(Benchmark benchmark, string label, int repeat, int repeats)
    {
    }

    public void LoadProgress(Benchmark benchmark, LoadProgress progress)
    {
    }

    public void VariationFinished(Benchmark benchmark, VariationResult variation)
    {
    }

    public void BenchmarkFinished(BenchmarkResult result)
    {
    }

    public void RunFinished(RunResult result)
    {
    }
}
