using VmBench.Cli.Commands.Micro;

namespace VmBench.Micro.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class MicroExportsTests : IDisposable
{
    private readonly string _run = Path.Combine(Path.GetTempPath(), "vmbench-micro-exports-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Collect_moves_the_benchmarkdotnet_results_up_into_micro()
    {
        var micro = MicroExports.Prepare(_run);
        var results = Directory.CreateDirectory(Path.Combine(micro, "results")).FullName;
        File.WriteAllText(Path.Combine(results, "A-report-full.json"), "{}");
        File.WriteAllText(Path.Combine(results, "A-report-github.md"), "|");

        var exports = MicroExports.Collect(_run);

        Assert.Equal([Path.Combine(micro, "A-report-full.json")], exports);
        Assert.True(File.Exists(Path.Combine(micro, "A-report-github.md")));
        Assert.False(Directory.Exists(results));
    }

    [Fact]
    public void Prepare_removes_the_exports_of_an_earlier_micro_run_only()
    {
        var micro = MicroExports.Prepare(_run);
        File.WriteAllText(Path.Combine(micro, "Old-report-full.json"), "{}");
        File.WriteAllText(Path.Combine(micro, "BenchmarkRun-1.log"), "log");
        File.WriteAllText(Path.Combine(micro, "notes.txt"), "mine");

        MicroExports.Prepare(_run);

        Assert.Equal(["notes.txt"], Directory.EnumerateFiles(micro).Select(Path.GetFileName));
    }

    public void Dispose()
    {
        if (Directory.Exists(_run))
        {
            Directory.Delete(_run, recursive: true);
        }
    }
}
