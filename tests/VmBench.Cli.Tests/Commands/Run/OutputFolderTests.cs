using System.Diagnostics;
using VmBench.Core.Results;
using VmBench.Testing;

namespace VmBench.Cli.Tests.Commands.Run;

/// <summary>An --output folder that already holds a run is never silently mixed with a new one.</summary>
[Trait(Tier.Key, Tier.Process)]
public sealed class OutputFolderTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("vmbench-output-").FullName;

    [Fact]
    public async Task A_folder_holding_a_run_is_refused_without_force_naming_the_folder_and_both_fixes()
    {
        var runJson = Path.Combine(_output, RunJson.FileName);
        await File.WriteAllTextAsync(runJson, "{\"tool\": \"vmbench\"} the earlier run");

        var (exit, stdout, stderr) = await Vmbench.RunAsync(
            TimeSpan.FromMinutes(2),
            "run", "--benchmarks", "tcpecho-sockets", "--runtime", "local", "--reference", "none", "--output", _output);

        Assert.True(exit == 2, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains($"--output {_output} already holds a run", stderr, StringComparison.Ordinal);
        Assert.Contains("pass a new folder with --output", stderr, StringComparison.Ordinal);
        Assert.Contains("add --force", stderr, StringComparison.Ordinal);
        Assert.Equal("{\"tool\": \"vmbench\"} the earlier run", await File.ReadAllTextAsync(runJson));
    }

    [Fact]
    public async Task Force_replaces_the_earlier_run_removing_only_the_files_vmbench_wrote()
    {
        var histograms = Directory.CreateDirectory(Path.Combine(_output, "histograms")).FullName;
        var charts = Directory.CreateDirectory(Path.Combine(_output, "charts")).FullName;
        var oldLog = Path.Combine(histograms, "tcpecho-gone-1024b-c10-t1.hlog");
        var oldChart = Path.Combine(charts, "old-chart.svg");
        var mine = Path.Combine(charts, "my-own.png");
        var notes = Path.Combine(_output, "notes.txt");
        foreach (var file in new[] { oldLog, oldChart, mine, notes, Path.Combine(_output, RunJson.FileName) })
        {
            await File.WriteAllTextAsync(file, "earlier");
        }

        await File.WriteAllTextAsync(Path.Combine(_output, RunFolder.ManifestName), "histograms/tcpecho-gone-1024b-c10-t1.hlog\ncharts/old-chart.svg\n");

        var (exit, stdout, stderr) = await Vmbench.RunAsync(
            TimeSpan.FromMinutes(4),
            "run", "--benchmarks", "tcpecho-sockets", "--runtime", "local", "--reference", "none", "--duration", "0.5", "--warmup", "0",
            "--trials", "1", "--sizes", "1024", "--concurrency", "1", "--server-cpus", "", "--client-cpus", "", "--output", _output, "--force");

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.False(File.Exists(oldLog), "the earlier run's histogram log is still beside the new results");
        Assert.False(File.Exists(oldChart));
        Assert.True(File.Exists(mine));
        Assert.True(File.Exists(notes));
        Assert.Equal(["tcpecho-sockets"], RunJson.Read(_output).Benchmarks.Select(b => b.Name));
        Assert.All(Directory.EnumerateFiles(histograms), f => Assert.StartsWith("tcpecho-sockets-", Path.GetFileName(f), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_and_compare_refuse_a_fifo_or_a_device_with_exit_2()
    {
        var fifo = Path.Combine(_output, "fifo.json");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        var zero = Path.Combine(_output, RunJson.FileName);
        File.CreateSymbolicLink(zero, "/dev/zero");

        var report = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "report", fifo);
        var compare = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "compare", _output, fifo);

        Assert.True(report.ExitCode == 2, $"exit {report.ExitCode}\n{report.StdErr}");
        Assert.Contains($"{fifo}: is a FIFO (named pipe), not a regular file", report.StdErr, StringComparison.Ordinal);
        Assert.True(compare.ExitCode == 2, $"exit {compare.ExitCode}\n{compare.StdErr}");
        Assert.Contains($"{zero}: is a character device, not a regular file", compare.StdErr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}
