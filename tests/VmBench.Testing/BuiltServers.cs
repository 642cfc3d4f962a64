using System.Collections.Concurrent;
using VmBench.Core.Catalog;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using VmBench.Runtimes.Local;

namespace VmBench.Testing;

/// <summary>Every discovered server, built once (through the harness's own local runtime) and started per test.</summary>
public sealed class BuiltServers : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<BuildResult>>> _builds = new();

    public BuiltServers()
    {
        Catalog = ServerCatalog.Discover(Repository.Servers);
        Runtime = new ProcessRuntime(ProcessRuntimeOptions.For(Repository.Artifacts), Probe);
    }

    public static IReadinessProbe Probe { get; } = new VmBench.Load.ReadinessProbe();

    public CatalogResult Catalog { get; }

    public ProcessRuntime Runtime { get; }

    /// <summary>The benchmarks (server x protocol) of every discovered server, as theory data.</summary>
    public static TheoryData<string> Benchmarks(Func<Protocol, bool> filter)
    {
        var data = new TheoryData<string>();
        foreach (var benchmark in ServerCatalog.Discover(Repository.Servers).Benchmarks.Where(b => filter(b.Protocol)))
        {
            data.Add(benchmark.Name);
        }

        return data;
    }

    public async Task<IRunningServer> StartAsync(string benchmarkName)
    {
        var benchmark = Catalog.Benchmarks.Single(b => b.Name == benchmarkName);
        var build = await _builds.GetOrAdd(benchmark.Server.Id, _ => new Lazy<Task<BuildResult>>(() => Runtime.BuildAsync(benchmark.Server, CancellationToken.None))).Value;
        Assert.True(build.Usable, $"{benchmark.Server.Id} did not build: {build.Message}");
        var address = new VmBench.Core.Running.AddressAllocator(Path.Combine(Path.GetTempPath(), "vmbench-conformance-" + Environment.ProcessId)).Allocate(benchmark.Protocol.Address, benchmark.Name);
        return await Runtime.StartAsync(new ServerLaunch(benchmark, address, [], TimeSpan.FromSeconds(30)), CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Runtime.DisposeAsync();
}
