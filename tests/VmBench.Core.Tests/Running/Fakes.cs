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

    /// <summary>The address each started server gets (so a fake load can tell servers apart).</summary>
    public Func<ServerLaunch, string>? AddressOf { get; init; }

    /// <summary>CPUs a server uses during each measurement window.</summary>
    public double ServerCores { get; init; }

    /// <summary>Sets up each server as it starts (e.g. its answers to ExecAsync).</summary>
    public Action<FakeServer>? Configure { get; init; }

    public Func<ServerLaunch, Exception?> StartFailure { get; init; } = _ => null;

    public string Name => "fake";

    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string> { ["kind"] = "fake" };

    public List<string> Builds { get; } = [];

    public Task<BuildResult> BuildAsync(ServerManifest server, CancellationToken cancellationToken)
    {
        Builds.Add(server.Id);
        return Task.FromResult(Build(server));
    }

    /// <summary>Every launch, in start order.</summary>
    public List<ServerLaunch> Launches { get; } = [];

    public Task<IRunningServer> StartAsync(ServerLaunch launch, CancellationToken cancellationToken)
    {
        Started.Add(launch.Benchmark.Name);
        Launches.Add(launch);
        if (StartFailure(launch) is { } failure)
        {
            throw failure;
        }

        var server = new FakeServer(AddressOf is null ? launch.Address : Address.Parse(AddressOf(launch)), ServerCores);
        Configure?.Invoke(server);
        Servers.Add(server);
        return Task.FromResult<IRunningServer>(server);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal sealed class FakeServer(Address address, double serverCores) : IRunningServer
{
    public Address Address { get; } = address;

    public IReadOnlyList<string> Command { get; } = ["fake-server"];

    public bool HasExited { get; set; }

    public bool Disposed { get; private set; }

    public int Measurements { get; private set; }

    public string LogTail(int lines = 20) => "fake log line";

    /// <summary>Answers ExecAsync: by default every command prints "fake 1.0" and succeeds.</summary>
    public Func<IReadOnlyList<string>, CommandOutput> Exec { get; set; } = _ => new CommandOutput(0, "fake 1.0");

    public List<IReadOnlyList<string>> Executed { get; } = [];

    public Task<CommandOutput> ExecAsync(IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Executed.Add(argv);
        return Task.FromResult(Exec(argv));
    }

    public Task<IUsageWindow> BeginMeasurementAsync(CancellationToken cancellationToken)
    {
        Measurements++;
        return Task.FromResult<IUsageWindow>(new FakeWindow(serverCores));
    }

    /// <summary>The resident memory it reports; null (the default) for a runtime that cannot tell, so no memory is measured.</summary>
    public Func<long>? Memory { get; set; }

    public Task<ResourceUsage?> ReadUsageAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Memory is null ? null : new ResourceUsage(0, Memory(), 2000));

    public Task<int?> StopAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(0);

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}

/// <summary>A window over which the server used <paramref name="cores"/> CPUs (the fake measurement takes no wall time of its own).</summary>
internal sealed class FakeWindow(double cores) : IUsageWindow
{
    public Task<WindowUsage?> EndAsync(CancellationToken cancellationToken) => Task.FromResult<WindowUsage?>(new WindowUsage(cores, 1, 2000));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal sealed class FakeLoad(Func<LoadSpec, int, CancellationToken, LoadResult> measure) : ILoadGenerator
{
    public int Calls { get; private set; }

    /// <summary>The job running now (set from before its connections are reported set up to its end), else null.</summary>
    public LoadSpec? Current { get; private set; }

    public async Task<LoadResult> RunAsync(LoadSpec spec, IProgress<LoadProgress>? progress, Func<CancellationToken, Task>? connected, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Current = spec;
        try
        {
            if (connected is not null)
            {
                await connected(cancellationToken);
            }

            return measure(spec, Calls++, cancellationToken);
        }
        finally
        {
            Current = null;
        }
    }

    public static LoadResult Result(double rps, string? failure = null, double[]? timeline = null, bool clientBound = false)
    {
        var latency = new LatencySummary(100, 0.1, 0.2, 1, 0.05, 0.25, 0.15, 0.2, 0.25, 0.3, 0.5, 0.9, 1, [new PercentilePoint(50, 0.2)]);
        var seconds = (timeline ?? [rps]).Select((v, i) => new TimelineSample(i, v, 0.5)).ToArray();
        var client = new ClientUsage(1, clientBound ? 0.97 : 0.5, 10, clientBound, clientBound ? "client CPU at 97 % of 1 core" : null);
        return new LoadResult((long)rps, (long)rps, (long)rps * 1024, 1, rps, rps / 1024, latency, null, null, 0, failure, seconds, client, null);
    }
}
