using System.Text.RegularExpressions;
using VmBench.Core.Results;
using VmBench.Testing;

namespace VmBench.Cli.Tests.Commands.Run;

/// <summary>A run whose disk fills up fails cleanly: nothing measured is lost, nothing half-written is left.</summary>
[Trait(Tier.Key, Tier.Process)]
public sealed partial class FullDiskTests
{
    [SmallDiskFact]
    public async Task A_disk_that_fills_up_mid_run_fails_the_run_cleanly_and_keeps_every_measurement()
    {
        using var disk = SmallDisk.Mount(512);
        var output = Path.Combine(disk.Path, "run");
        using var vmbench = Vmbench.Start(
            "run", "--benchmarks", "tcpecho-sockets", "--runtime", "local", "--reference", "none", "--duration", "0.5", "--warmup", "0",
            "--trials", "3", "--sizes", "1024", "--concurrency", "1", "--server-cpus", "", "--client-cpus", "", "--output", output);
        var runJson = Path.Combine(output, RunJson.FileName);
        using (var wait = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            while (!File.Exists(runJson))
            {
                await Task.Delay(20, wait.Token);
            }
        }

        disk.Fill();
        var exit = await vmbench.WaitAsync(TimeSpan.FromMinutes(4));

        var stdout = vmbench.StdOut;
        var stderr = vmbench.StdErr;
        Assert.True(exit == 1, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
        Assert.Contains($"cannot write {runJson}", stdout, StringComparison.Ordinal);
        Assert.Contains("kept in memory", stdout, StringComparison.Ordinal);
        Assert.Contains($"error: {runJson} does not hold the finished run", stderr, StringComparison.Ordinal);
        var saved = SavedTo().Match(stdout);
        Assert.True(saved.Success, stdout);
        try
        {
            var run = RunJson.Read(saved.Groups[1].Value);
            Assert.Equal(RunStatus.Completed, run.Status);
            Assert.Equal([1, 2, 3], Assert.Single(Assert.Single(run.Benchmarks).Variations).Trials.Select(t => t.Trial));
        }
        finally
        {
            File.Delete(saved.Groups[1].Value);
        }

        var files = Directory.EnumerateFiles(output, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).ToList();
        Assert.DoesNotContain(files, f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0, $"{f} is empty"));
    }

    [GeneratedRegex(@"the whole run was saved to (\S+) instead")]
    private static partial Regex SavedTo();
}
