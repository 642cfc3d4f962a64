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
        : this(Repository.Servers, Repository.Artifacts)
    {
    }

    private BuiltServers(string serversDirectory, string artifacts)
    {
        Catalog = ServerCatalog.Discover(serversDirectory);
        Runtime = new ProcessRuntime(ProcessRuntimeOptions.For(artifacts), Probe);
    }

    /// <summary>The servers of another servers folder (a test's own), built into <paramref name="artifacts"/>. (A fixture has one public constructor.)</summary>
    public static BuiltServers Of(string serversDirectory, string artifacts) => new(serversDirectory, artifacts);

    public static IReadinessProbe Probe { get; } = new VmBench.Load.ReadinessProbe();

    public CatalogResult Catalog { get; }

    public ProcessRuntime Runtime { get; }

    private static TimeSpan ReadyTimeout => TimeSpan.FromSeconds(30);

    private static VmBench.Core.Running.AddressAllocator Addresses { get; } = new(Path.Combine(Path.GetTempPath(), "vmbench-conformance-" + Environment.ProcessId));

    /// <summary>The certificate and key of this test process's TLS servers, made on first use, removed when the process exits.</summary>
    private static Lazy<VmBench.Core.Running.TlsCredentials> Tls { get; } = new(() =>
    {
        var credentials = VmBench.Core.Running.TlsCredentials.Create(DateTimeOffset.UtcNow);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => credentials.Dispose();
        return credentials;
    });

    /// <summary>The benchmarks (server x protocol) of every discovered server, as theory data; TLS ones only when <paramref name="tls"/> (plaintext checks cannot speak to them).</summary>
    public static TheoryData<string> Benchmarks(Func<Protocol, bool> filter, bool tls = false)
    {
        var data = new TheoryData<string>();
        // A connect-* benchmark runs the same server, mode and address as its tcpecho twin: the per-server suites test each once.
        foreach (var benchmark in ServerCatalog.Discover(Repository.Servers).Benchmarks.Where(b => b.Protocol.Pattern == LoadPattern.Stream && b.Protocol.IsTls == tls && filter(b.Protocol)))
        {
            data.Add(benchmark.Name);
        }

        return data;
    }

    /// <summary>The benchmarks of every discovered server that <paramref name="check"/> applies to, as theory data.</summary>
    public static TheoryData<string> Benchmarks(ContractCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var data = new TheoryData<string>();
        foreach (var benchmark in ServerCatalog.Discover(Repository.Servers).Benchmarks.Where(check.AppliesTo))
        {
            data.Add(benchmark.Name);
        }

        return data;
    }

    /// <summary>Starts the benchmark's server (built once); a server that does not start fails the test with the harness's message alone.</summary>
    public async Task<IRunningServer> StartAsync(string benchmarkName)
    {
        var benchmark = await BuiltAsync(benchmarkName);
        try
        {
            return await Runtime.StartAsync(new ServerLaunch(benchmark, Addresses.Allocate(benchmark.Protocol.Address, benchmark.Name), [], ReadyTimeout, Tls: benchmark.Protocol.IsTls ? Tls.Value.Server : null), CancellationToken.None);
        }
        catch (ServerStartException ex)
        {
            throw new ContractFailure($"{benchmarkName}: the server did not start: {ex.Message}");
        }
    }

    /// <summary>Runs one contract check (<see cref="ServerContract"/>) on a fresh server of the benchmark: the whole body of a conformance test.</summary>
    public async Task CheckAsync(string benchmarkName, ContractCheck check)
    {
        var benchmark = await BuiltAsync(benchmarkName);
        var result = await new ContractRunner(Runtime, Addresses, ReadyTimeout, benchmark.Protocol.IsTls ? Tls.Value.Server : null).RunAsync(benchmark, check, CancellationToken.None);
        if (!result.Passed)
        {
            throw new ContractFailure($"{benchmarkName}: {check.Title}: {result.Failure}");
        }
    }

    private async Task<Benchmark> BuiltAsync(string benchmarkName)
    {
        var benchmark = Catalog.Benchmarks.Single(b => b.Name == benchmarkName);
        var build = await _builds.GetOrAdd(benchmark.Server.Id, _ => new Lazy<Task<BuildResult>>(() => Runtime.BuildAsync(benchmark.Server, CancellationToken.None))).Value;
        Assert.True(build.Usable, $"{benchmark.Server.Id} did not build: {build.Message}");
        return benchmark;
    }

    public ValueTask DisposeAsync() => Runtime.DisposeAsync();
}
