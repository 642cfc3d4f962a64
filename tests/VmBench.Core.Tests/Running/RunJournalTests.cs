using System.Text.Json.Nodes;
using VmBench.Core.Results;
using VmBench.Core.Running;
using VmBench.Core.Tests.Catalog;
using VmBench.Testing;

namespace VmBench.Core.Tests.Running;

/// <summary>What run.json says while a run is in progress, and what happens when it cannot be written.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class RunJournalTests : IDisposable
{
    private readonly TempServers _servers = new();
    private readonly string _output = Path.Combine(Path.GetTempPath(), "vmbench-journal-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task While_the_run_is_in_progress_nothing_unfinished_is_recorded_as_ok()
    {
        var plan = RunPlans.For(_servers, _output, 2, "alpha");
        JsonNode? midRun = null;
        var load = new FakeLoad((_, call, _) =>
        {
            if (call == 4)
            {
                // What a kill -9 here would leave: every cell measured once of its two trials.
                midRun = JsonNode.Parse(File.ReadAllText(plan.RunJsonPath));
            }

            return FakeLoad.Result(1000);
        });

        var run = await new Runner(new FakeRuntime(), load, new RecordingObserver(), new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        Assert.NotNull(midRun);
        Assert.Equal("running", (string?)midRun["status"]);
        var benchmark = midRun["benchmarks"]![0]!;
        Assert.Equal("running", (string?)benchmark["status"]);
        Assert.Contains("not finished", (string?)benchmark["reason"], StringComparison.Ordinal);
        Assert.All(benchmark["variations"]!.AsArray(), v => Assert.Equal("running", (string?)v!["status"]));
        Assert.Equal(Status.Ok, run.Benchmarks[0].Status);
        Assert.All(run.Benchmarks[0].Variations, v => Assert.Equal(Status.Ok, v.Status));
    }

    [Fact]
    public async Task A_write_that_fails_is_retried_at_the_next_one_and_nothing_measured_is_lost()
    {
        var plan = RunPlans.For(_servers, _output, 2, "alpha");
        var load = new FakeLoad((_, call, _) =>
        {
            if (call == 1)
            {
                File.Delete(plan.RunJsonPath);
                Directory.CreateDirectory(plan.RunJsonPath); // run.json cannot be replaced now
            }
            else if (call == 4)
            {
                Directory.Delete(plan.RunJsonPath);
            }

            return FakeLoad.Result(1000 + call);
        });
        var observer = new RecordingObserver();

        var run = await new Runner(new FakeRuntime(), load, observer, new MedianEstimator()).RunAsync(plan, CancellationToken.None);

        var saved = RunJson.Read(plan.RunJsonPath);
        Assert.Equal(RunStatus.Completed, saved.Status);
        Assert.Equal(8, saved.Benchmarks[0].Variations.Sum(v => v.Trials.Count));
        Assert.Equal(RunJson.Serialize(run), RunJson.Serialize(saved));
        var warning = Assert.Single(observer.Notes, n => n.Contains("cannot write", StringComparison.Ordinal));
        Assert.Contains(plan.RunJsonPath, warning, StringComparison.Ordinal);
        Assert.Contains("kept in memory", warning, StringComparison.Ordinal);
        Assert.Single(observer.Notes, n => n.Contains("written again", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(_output, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    public void Dispose()
    {
        _servers.Dispose();
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
