using System.Text.Json.Nodes;
using VmBench.Core.Load;
using VmBench.Core.Results;
using VmBench.Core.Runtimes;
using VmBench.Core.Running;
using VmBench.Core.Tests.Catalog;
using VmBench.Core.Tests.Running;
using VmBench.Testing;

namespace VmBench.Core.Tests.Results;

/// <summary>results/run.schema.json against a run.json the Runner really writes, a broken one, and what <c>$schema</c> points at.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class RunSchemaTests : IDisposable
{
    private readonly TempServers _servers = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "vmbench-run-schema-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_run_json_the_runner_writes_matches_the_schema()
    {
        var text = await RealRunJsonAsync();

        Assert.Empty(SchemaFile.Run.Errors(text));
        var run = JsonNode.Parse(text)!;
        Assert.Equal(RunSchema.Id, (string?)run["$schema"]); // a folder outside the repository: the schema's $id
        var cells = run["benchmarks"]!.AsArray().SelectMany(b => b!["variations"]!.AsArray()).ToArray();
        Assert.Contains(cells, c => c!["superseded"]!.AsArray().Count > 0); // the optional parts are there to be checked
        Assert.Contains(cells, c => (bool)c!["summary"]!["flags"]!["clientBound"]!);
        Assert.Contains(cells, c => (bool)c!["summary"]!["flags"]!["unsteady"]! && c["trials"]!.AsArray().Any(t => t!["trendPercent"] is not null));
        Assert.Contains(run["benchmarks"]!.AsArray(), b => b!["sweep"]!.AsArray().Count > 0 && b["versions"] is JsonArray && b["warmup"] is JsonObject);
        Assert.Contains(run["benchmarks"]!.AsArray(), b => (string?)b!["status"] == "failed");
        Assert.Empty(Names(JsonNode.Parse(SchemaFile.Run.Root.GetRawText())!, "properties").Except(Names(run, null))); // nothing the schema lists has gone from the file
    }

    /// <summary>The property names of every object in <paramref name="node"/>, or only of the objects under a key <paramref name="under"/> (a schema's "properties").</summary>
    private static IEnumerable<string> Names(JsonNode? node, string? under) => node switch
    {
        JsonObject o when under is null => o.Select(p => p.Key).Concat(o.SelectMany(p => Names(p.Value, under))),
        JsonObject o => o.SelectMany(p => p.Key == under && p.Value is JsonObject names ? names.Select(n => n.Key).Concat(names.SelectMany(n => Names(n.Value, under))) : Names(p.Value, under)),
        JsonArray a => a.SelectMany(i => Names(i, under)),
        _ => [],
    };

    [Theory]
    [InlineData("/status", "\"done\"")]
    [InlineData("/benchmarks/0/variations/0/trials/0/result/requestsPerSecond", "\"fast\"")]
    [InlineData("/benchmarks/0/variations/0/summary/flags/clientBound", "\"yes\"")]
    [InlineData("/benchmarks/0/role", "\"baseline\"")]
    [InlineData("/config/trial", "4")] // an unknown field
    [InlineData("/schemaVersion", "3")]
    public async Task A_broken_run_json_is_rejected_at_the_broken_field(string pointer, string value)
    {
        var run = JsonNode.Parse(await RealRunJsonAsync())!;
        var parent = pointer[1..].Split('/')[..^1].Aggregate(run, (node, step) => int.TryParse(step, out var i) ? node[i]! : node[step]!);
        parent[pointer.Split('/')[^1]] = JsonNode.Parse(value);

        var errors = SchemaFile.Run.Errors(run.ToJsonString());

        Assert.Contains(errors, e => e.StartsWith(pointer + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Inside_a_repository_schema_is_the_path_from_the_run_folder_to_results_run_schema_json()
    {
        var repository = Path.Combine(_output, "checkout");
        var stamp = Directory.CreateDirectory(Path.Combine(repository, "results", "20260101-120000")).FullName;
        var elsewhere = Directory.CreateDirectory(Path.Combine(repository, "mine", "deeper")).FullName;
        Assert.Equal(RunSchema.Id, RunSchema.ReferenceFrom(stamp));
        File.Copy(Path.Combine(Repository.Root, "results", RunSchema.FileName), Path.Combine(repository, "results", RunSchema.FileName));

        RunJson.Write(Path.Combine(stamp, RunJson.FileName), RunJson.Read(WriteMinimalRun()));

        Assert.Equal("../run.schema.json", (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(stamp, RunJson.FileName)))!["$schema"]);
        Assert.Equal("../../results/run.schema.json", RunSchema.ReferenceFrom(elsewhere));
        Assert.Equal("run.schema.json", RunSchema.ReferenceFrom(Path.Combine(repository, "results")));
        Assert.Equal("../run.schema.json", RunJson.Read(stamp).Schema);
    }

    public void Dispose()
    {
        _servers.Dispose();
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private string WriteMinimalRun()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_output, "minimal")).FullName;
        var plan = RunPlans.For(_servers, folder);
        RunJson.Write(plan.RunJsonPath, new RunResult(RunResult.CurrentSchemaVersion, RunResult.ToolName, DateTimeOffset.UnixEpoch, RunStatus.Completed, "vmbench run", "fake", new Dictionary<string, string>(), plan.Environment, plan.Config, []));
        return plan.RunJsonPath;
    }

    /// <summary>
    /// A run with most of what run.json can hold: a reference and its A/A arm, warm-up, 4 trials (intervals), a trend,
    /// client-bound cells, a slow spell measured again (superseded), a sweep, versions and run.env, a failed benchmark.
    /// </summary>
    private async Task<string> RealRunJsonAsync()
    {
        _servers.Add("tuned", TempServers.Valid("tuned", "\"echo\"", "\"tcp\"").Replace(
            "\"build\":", "\"run\": { \"env\": { \"A_SETTING\": \"1\" } },\n  \"versions\": [ { \"name\": \"rt\", \"command\": [\"srv\", \"--version\"] } ],\n  \"build\":", StringComparison.Ordinal), "Test.csproj");
        var plan = RunPlans.WithReference(_servers, _output, 4, aa: true, "ref", "broken");
        plan = plan with { Config = plan.Config with { DurationSeconds = 3, Sweep = true, Warmup = new WarmupPolicy(1, 3, 2, 5) } };
        var runtime = new FakeRuntime
        {
            ServerCores = 1.0,
            Configure = s => s.Memory = () => 1 << 20,
            AddressOf = l => l.Benchmark.Server.Id + ":1",
            StartFailure = l => l.Benchmark.Server.Id == "broken" ? ServerStartException.WithLog("the server exited before it was ready", "bind: address in use") : null,
        };
        var calls = new Dictionary<(string, int, int), int>();
        var load = new FakeLoad((spec, _, _) =>
        {
            var key = (spec.Address.ToString(), spec.MessageSize, spec.Concurrency);
            var n = calls[key] = calls.GetValueOrDefault(key) + 1;
            return spec.Address.ToString() == "tuned:1" && spec.MessageSize == 1024 && spec.Concurrency == 10 && n == 3 && spec.Rate is null
                ? FakeLoad.Result(400, timeline: [300, 400, 500]) with { Client = new ClientUsage(1, 0.9, 25, false, null) }
                : spec.Address.ToString() == "tuned:1" && spec.MessageSize == 10240 && spec.Concurrency == 10 && n == 1
                ? FakeLoad.Result(1000, timeline: [800, 1000, 1200])
                : FakeLoad.Result(spec.Rate ?? 1000, clientBound: spec.Concurrency == 100) with { Tls = spec.Concurrency == 100 ? new TlsSession("TLSv1.3", "TLS_AES_256_GCM_SHA384") : null };
        });

        await new Runner(runtime, load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);
        return File.ReadAllText(plan.RunJsonPath);
    }
}
