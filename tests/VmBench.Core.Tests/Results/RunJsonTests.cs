using System.Text.Json.Nodes;
using VmBench.Core.Model;
using VmBench.Core.Results;

namespace VmBench.Core.Tests.Results;

[Trait(Tier.Key, Tier.Fast)]
public sealed class RunJsonTests
{
    [Fact]
    public void A_truncated_file_is_refused_with_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vmbench-truncated-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\n  \"schemaVersion\": 1,\n  \"tool\": \"vmbench\",\n  \"benchmarks\": [ { \"name\": ");
        try
        {
            var error = Assert.Throws<RunFileException>(() => RunJson.Read(path));
            Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
            Assert.Contains("truncated or corrupt", error.Message, StringComparison.Ordinal);
            Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{"name": "something else"}""", "not a VmBench run.json")]
    [InlineData("""{"tool": "vmbench", "schemaVersion": 99}""", "schema version 99 is not supported")]
    [InlineData("""{"tool": "vmbench"}""", "\"schemaVersion\" is missing")]
    [InlineData("""{"tool": "vmbench", "schemaVersion": 2, "date": "2026-01-01T00:00:00Z"}""", "wrong shape")]
    [InlineData("""{"tool": "vmbench", "schemaVersion": 1}""", "schema version 1 is not supported")]
    public void A_foreign_or_incomplete_file_is_refused_naming_what_is_wrong(string json, string expected)
    {
        var error = Assert.Throws<RunFileException>(() => RunJson.Parse(json, "run.json"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_names_the_path_and_what_to_pass()
    {
        var error = Assert.Throws<RunFileException>(() => RunJson.Read("/nonexistent/run.json"));
        Assert.Contains("/nonexistent/run.json: no such file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_written_before_server_environments_were_recorded_still_reads()
    {
        var benchmark = new BenchmarkResult("tcpecho-old", "old", "t", "l", "csharp", "tcpecho", BenchmarkRole.Measured, Status.Skipped, "r", null, [], [], new Dictionary<string, string> { ["A"] = "1" });
        var run = new RunResult(
            RunResult.CurrentSchemaVersion, RunResult.ToolName, DateTimeOffset.UnixEpoch, RunStatus.Completed, "vmbench run", "local", new Dictionary<string, string>(),
            new RunEnvironment("h", "os", "k", "c", 2, ".NET", "1", new Dictionary<string, string>()),
            new RunConfig([], "local", [10], [1024], 1, 3, 42, "c-epoll", false, WarmupPolicy.Default, 0.5, null, false, [1], [0], 1, 5, "results/x"),
            [benchmark]);
        var written = JsonNode.Parse(RunJson.Serialize(run))!;
        Assert.Equal("1", (string?)written["benchmarks"]![0]!["serverEnvironment"]!["A"]);
        written["benchmarks"]![0]!.AsObject().Remove("serverEnvironment");

        var old = RunJson.Parse(written.ToJsonString(), "run.json");

        Assert.Null(Assert.Single(old.Benchmarks).ServerEnvironment);
        Assert.Equal("tcpecho-old", old.Benchmarks[0].Name);
    }
}
