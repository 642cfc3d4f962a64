using System.Text.Json;
using VmBench.Cli.Commands.Micro;
using VmBench.Core.Results;

namespace VmBench.Micro.Tests;

/// <summary>`vmbench micro --dry` end to end, as CI runs it: the real vmbench child, which builds (when outdated) and runs VmBench.Micro.</summary>
[Collection(VmbenchMicroCollection.Name)]
[Trait(Tier.Key, Tier.Process)]
public sealed class MicroCommandTests : IDisposable
{
    private const string SocketsTcpOneByte = "*EchoRoundTripBenchmarks.RoundTrip(Transport: Tcp, Size: 1, Server: \"sockets\")";
    private const string RecordLatency = "*LatencyRecordingBenchmarks.RecordLatency";

    /// <summary>Generous: a first run may build VmBench.Micro in Release; the dry run itself takes seconds.</summary>
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    private readonly string _output = Path.Combine(Path.GetTempPath(), "vmbench-micro-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Dry_run_writes_every_export_a_run_json_and_the_report_micro_section()
    {
        var (exit, stdout, stderr) = await Vmbench.RunAsync(s_timeout, "micro", "--dry", "--filter", SocketsTcpOneByte, RecordLatency, "--output", _output);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        var micro = Path.Combine(_output, "micro");
        Assert.False(Directory.Exists(Path.Combine(micro, "results")), "BenchmarkDotNet's results/ is moved up into micro/");
        foreach (var suffix in new[] { "-report-full.json", "-report-github.md", "-report.html", "-report.csv" })
        {
            Assert.True(File.Exists(Path.Combine(micro, "VmBench.Micro.Echo.EchoRoundTripBenchmarks" + suffix)), suffix);
            Assert.True(File.Exists(Path.Combine(micro, "VmBench.Micro.HotPath.LatencyRecordingBenchmarks" + suffix)), suffix);
        }

        var echo = Assert.Single(Benchmarks(Path.Combine(micro, "VmBench.Micro.Echo.EchoRoundTripBenchmarks-report-full.json")));
        Assert.Equal("RoundTrip", echo.GetProperty("Method").GetString());
        Assert.Equal("Transport=Tcp&Size=1&Server=sockets", echo.GetProperty("Parameters").GetString());
        Assert.True(echo.GetProperty("Statistics").GetProperty("Mean").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Number, echo.GetProperty("Memory").GetProperty("BytesAllocatedPerOperation").ValueKind);
        var hotPath = Assert.Single(Benchmarks(Path.Combine(micro, "VmBench.Micro.HotPath.LatencyRecordingBenchmarks-report-full.json")));
        Assert.Equal("RecordLatency", hotPath.GetProperty("Method").GetString());
        Assert.Equal(JsonValueKind.Number, hotPath.GetProperty("Memory").GetProperty("BytesAllocatedPerOperation").ValueKind);

        var run = RunJson.Read(_output);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Empty(run.Benchmarks);
        Assert.Equal(MicroRunJson.Runtime, run.Runtime);
        Assert.Equal(Environment.ProcessorCount, run.Environment.CpuCount);

        var html = await File.ReadAllTextAsync(Path.Combine(_output, "report.html"));
        Assert.Contains("<section id=\"micro\">", html, StringComparison.Ordinal);
        Assert.Contains("EchoRoundTripBenchmarks.RoundTrip", html, StringComparison.Ordinal);
        Assert.Contains("LatencyRecordingBenchmarks.RecordLatency", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_run_json_is_kept_and_its_report_gains_the_micro_section()
    {
        var existing = MicroRunJson.Create(_output, "vmbench run --benchmarks tcpecho-sockets", [], dry: true) with { Runtime = "local" };
        RunJson.Write(Path.Combine(_output, RunJson.FileName), existing);
        var before = await File.ReadAllTextAsync(Path.Combine(_output, RunJson.FileName));

        var (exit, stdout, stderr) = await Vmbench.RunAsync(s_timeout, "micro", "--dry", "--filter", RecordLatency, "--output", _output);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(_output, RunJson.FileName)));
        var html = await File.ReadAllTextAsync(Path.Combine(_output, "report.html"));
        Assert.Contains("<section id=\"micro\">", html, StringComparison.Ordinal);
        Assert.Contains("LatencyRecordingBenchmarks.RecordLatency", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_fails_and_says_how_to_list_the_benchmarks()
    {
        var (exit, stdout, stderr) = await Vmbench.RunAsync(s_timeout, "micro", "--dry", "--filter", "*NoSuchBenchmark*", "--output", _output);

        Assert.True(exit == 1, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("--list flat", stdout + stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_output, RunJson.FileName)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private static List<JsonElement> Benchmarks(string fullJson)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(fullJson));
        return document.RootElement.GetProperty("Benchmarks").EnumerateArray().Select(b => b.Clone()).ToList();
    }
}
