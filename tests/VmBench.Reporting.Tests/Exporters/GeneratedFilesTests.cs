using VmBench.Core.Results;
using VmBench.Reporting.Plots;
using VmBench.Reporting.Tests.Support;
using VmBench.Testing;

namespace VmBench.Reporting.Tests.Exporters;

/// <summary>A report regenerates only what vmbench wrote, and a full disk leaves no half-written or empty report.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class GeneratedFilesTests
{
    [Fact]
    public async Task Regenerating_keeps_a_users_own_chart_and_removes_only_vmbenchs_stale_ones()
    {
        using var temp = new TempDirectory();
        var first = await Reports.GenerateAsync(SampleRuns.Typical(), temp.Path);
        Assert.True(first.Succeeded, string.Join("; ", first.Failures));
        var charts = Path.Combine(temp.Path, "charts");
        var mine = Path.Combine(charts, "my-own-chart.png");
        await File.WriteAllTextAsync(mine, "a user's own file");
        var generated = Directory.EnumerateFiles(charts).Where(f => f != mine).ToList();
        Assert.NotEmpty(generated);

        // The second run has one benchmark fewer: its charts are not drawn again.
        var smaller = SampleRuns.Typical() with { Benchmarks = SampleRuns.Typical().Benchmarks.Where(b => b.Server != "libuv").ToArray() };
        var second = await Reports.GenerateAsync(smaller, temp.Path);

        Assert.True(second.Succeeded, string.Join("; ", second.Failures));
        Assert.True(File.Exists(mine), "a file vmbench did not write was deleted");
        Assert.All(Directory.EnumerateFiles(charts).Where(f => f != mine), f => Assert.Contains(f, second.Files));
        Assert.All(generated.Where(f => !second.Files.Contains(f)), f => Assert.False(File.Exists(f), $"{f}: a stale chart of the earlier report is left"));
        Assert.Contains(generated, f => !second.Files.Contains(f));
    }

    [Fact]
    public void A_generated_file_list_that_points_outside_the_folder_deletes_nothing_there()
    {
        using var temp = new TempDirectory();
        using var outside = new TempDirectory();
        var victim = Path.Combine(outside.Path, "keep.txt");
        File.WriteAllText(victim, "not vmbench's");
        File.WriteAllText(Path.Combine(temp.Path, RunFolder.ManifestName), $"../{Path.GetFileName(outside.Path)}/keep.txt\n{victim}\n");

        RunFolder.Replace(temp.Path, []);
        RunFolder.Clear(temp.Path, []);

        Assert.True(File.Exists(victim));
    }

    [SmallDiskFact]
    public async Task On_a_full_disk_every_failed_report_is_named_and_none_is_left_empty_or_half_written()
    {
        using var disk = SmallDisk.Mount(256);
        var run = SampleRuns.Typical();
        RunJson.Write(Path.Combine(disk.Path, RunJson.FileName), run);
        disk.Fill();

        var outcome = await ScottPlotReports.CreateGenerator().GenerateAsync(disk.Path, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        var failure = Assert.Single(outcome.Failures, f => f.Exporter == "csv");
        Assert.Contains(Path.Combine(disk.Path, "results.csv"), failure.Message, StringComparison.Ordinal);
        Assert.True(failure.Message.Contains("No space left on device", StringComparison.Ordinal) || failure.Message.Contains("the disk was full", StringComparison.Ordinal), failure.Message);
        var files = Directory.EnumerateFiles(disk.Path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).ToList();
        Assert.DoesNotContain(files, f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0, $"{f} is empty"));
        Assert.Equal(RunJson.Serialize(run), RunJson.Serialize(RunJson.Read(disk.Path)));
    }
}
