using VmBench.Core.Catalog;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Runtimes;
using VmBench.Core.Running;
using VmBench.Core.Tests.Catalog;
using VmBench.Testing;

namespace VmBench.Core.Tests.Running;

/// <summary>The Runner's TLS side: a certificate per run for TLS benchmarks only, given to the server and the load client, recorded and removed.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class RunnerTlsTests : IDisposable
{
    private readonly TempServers _servers = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "vmbench-runner-tls-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(TlsVersion.Tls13, "TLSv1.3", "TLS_AES_256_GCM_SHA384")]
    [InlineData(TlsVersion.Tls12, "TLSv1.2", "ECDHE-ECDSA-AES256-GCM-SHA384")]
    public async Task A_tls_benchmark_gets_the_runs_certificate_and_run_json_records_what_was_negotiated(TlsVersion version, string protocol, string cipher)
    {
        var plan = Plan(["tlsecho", "tcpecho"]);
        plan = plan with { Config = plan.Config with { TlsVersion = version } };
        var runtime = new FakeRuntime();
        var specs = new List<LoadSpec>();
        string? keyDuringRun = null;
        var load = new FakeLoad((spec, _, _) =>
        {
            specs.Add(spec);
            var launch = runtime.Launches.Single(l => l.Benchmark.Protocol.IsTls);
            keyDuringRun ??= File.ReadAllText(launch.Tls!.KeyPath);
            return FakeLoad.Result(1000) with { Tls = spec.Tls is null ? null : new TlsSession(protocol, cipher) };
        });

        var run = await new Runner(runtime, load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        Assert.Equal(RunStatus.Completed, run.Status);
        var tls = runtime.Launches.Single(l => l.Benchmark.Name == "tlsecho-secure").Tls;
        Assert.NotNull(tls);
        Assert.Null(runtime.Launches.Single(l => l.Benchmark.Name == "tcpecho-secure").Tls);
        var recorded = File.ReadAllText(Path.Combine(_output, TlsCredentials.RunFolderFile));
        Assert.Equal(tls.CertificatePem, recorded);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", recorded, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", keyDuringRun, StringComparison.Ordinal);
        Assert.False(File.Exists(tls.KeyPath), "the key must be removed when the run ends");
        Assert.False(Directory.Exists(Path.GetDirectoryName(tls.Directory)), "the key's private folder must be removed when the run ends");

        var tlsSpecs = specs.Where(s => s.Tls is not null).ToArray();
        Assert.NotEmpty(tlsSpecs);
        Assert.All(tlsSpecs, s => Assert.Equal(new TlsClient(recorded, version), s.Tls));
        Assert.Equal(specs.Count / 2, tlsSpecs.Length); // the tcpecho half is plaintext

        var json = RunJson.Read(plan.RunJsonPath);
        Assert.Equal(version, json.Config.TlsVersion);
        var trials = json.Benchmarks.Single(b => b.Name == "tlsecho-secure").Variations.SelectMany(v => v.Trials).ToArray();
        Assert.NotEmpty(trials);
        Assert.All(trials, t => Assert.Equal(new TlsSession(protocol, cipher), t.Result.Tls));
        Assert.All(json.Benchmarks.Single(b => b.Name == "tcpecho-secure").Variations.SelectMany(v => v.Trials), t => Assert.Null(t.Result.Tls));
        Assert.Empty(SchemaFile.Run.Errors(File.ReadAllText(plan.RunJsonPath)));
    }

    [Fact]
    public async Task A_run_without_tls_benchmarks_makes_no_certificate()
    {
        var plan = Plan(["tcpecho"]);
        var runtime = new FakeRuntime();

        await new Runner(runtime, new FakeLoad((spec, _, _) => FakeLoad.Result(spec.Tls is null ? 1000 : 0, spec.Tls is null ? null : "tls given to a plaintext job")), new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        Assert.All(runtime.Launches, l => Assert.Null(l.Tls));
        Assert.False(File.Exists(Path.Combine(_output, TlsCredentials.RunFolderFile)));
        Assert.DoesNotContain(RunJson.Read(plan.RunJsonPath).Benchmarks.SelectMany(b => b.Variations).SelectMany(v => v.Trials), t => t.Result.Failure is not null);
    }

    [Fact]
    public async Task A_cancelled_tls_run_removes_the_key()
    {
        var plan = Plan(["tlsecho"]);
        var runtime = new FakeRuntime();
        using var cancel = new CancellationTokenSource();
        var load = new FakeLoad((_, _, _) =>
        {
            cancel.Cancel();
            throw new OperationCanceledException(cancel.Token);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Runner(runtime, load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, cancel.Token));

        var tls = Assert.Single(runtime.Launches).Tls;
        Assert.NotNull(tls);
        Assert.False(Directory.Exists(Path.GetDirectoryName(tls.Directory)));
    }

    public void Dispose()
    {
        _servers.Dispose();
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private RunPlan Plan(string[] prefixes)
    {
        _servers.Add("secure", TempServers.Valid("secure", "\"echo\"", "\"tcp\", \"tls\""), "Test.csproj");
        var plan = RunPlans.For(_servers, _output);
        var benchmarks = ServerCatalog.Discover(_servers.Root).Benchmarks.Where(b => prefixes.Contains(b.Protocol.Prefix)).ToArray();
        Assert.Equal(prefixes.Length, benchmarks.Length);
        return plan with { Benchmarks = benchmarks };
    }
}
