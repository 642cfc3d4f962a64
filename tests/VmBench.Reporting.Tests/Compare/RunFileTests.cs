using VmBench.Core.Results;
using VmBench.Reporting.Plots;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Compare;

/// <summary>A run.json that cannot be used gives a clear message naming the file and what is wrong.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class RunFileTests
{
    [Fact]
    public async Task Truncated_run_json_is_a_clear_error()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, RunJson.FileName);
        var text = RunJson.Serialize(SampleRuns.Typical());
        await File.WriteAllTextAsync(path, text[..(text.Length / 2)]);

        var error = await Assert.ThrowsAsync<RunFileException>(() => ScottPlotReports.CreateGenerator().GenerateAsync(temp.Path, CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated or corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Foreign_json_is_a_clear_error()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "other.json");
        await File.WriteAllTextAsync(path, "{\"tool\": \"wrk\", \"schemaVersion\": 1}");

        var error = await Assert.ThrowsAsync<RunFileException>(() => ScottPlotReports.CreateGenerator().GenerateAsync(path, CancellationToken.None));

        Assert.Contains("not a VmBench run.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_run_json_is_a_clear_error()
    {
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<RunFileException>(() => ScottPlotReports.CreateGenerator().GenerateAsync(temp.Path, CancellationToken.None));

        Assert.Contains("no run.json in this folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_from_a_run_json_path_writes_beside_it()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, RunJson.FileName);
        RunJson.Write(path, SampleRuns.Typical());

        var outcome = await ScottPlotReports.CreateGenerator().GenerateAsync(path, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(temp.Path, outcome.RunDirectory);
        Assert.True(File.Exists(Path.Combine(temp.Path, "report.html")));
    }
}
