using System.Diagnostics;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Testing;

namespace VmBench.Core.Tests.Results;

/// <summary>run.json is read only from a regular file of bounded size, and written without leaving debris on a full disk.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class RunFileSafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vmbench-runfile-").FullName;

    [Fact]
    public async Task A_fifo_is_refused_without_waiting_for_a_writer()
    {
        var fifo = Path.Combine(_folder, RunJson.FileName);
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        var read = Task.Run(() => RunJson.Read(_folder));
        var error = await Assert.ThrowsAsync<RunFileException>(() => read.WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Contains(fifo, error.Message, StringComparison.Ordinal);
        Assert.Contains("FIFO", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_to_dev_zero_is_refused()
    {
        var link = Path.Combine(_folder, RunJson.FileName);
        File.CreateSymbolicLink(link, "/dev/zero");

        var error = await Assert.ThrowsAsync<RunFileException>(() => Task.Run(() => RunJson.Read(link)).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Contains("character device", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_beyond_the_size_bound_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_folder, RunJson.FileName);
        using (var file = File.Create(path))
        {
            file.SetLength(RunJson.MaxBytes + 1); // sparse: costs no disk
        }

        var error = Assert.Throws<RunFileException>(() => RunJson.Read(path));

        Assert.Contains("larger than 256 MiB", error.Message, StringComparison.Ordinal);
    }

    [SmallDiskFact]
    public void On_a_full_disk_a_write_names_the_path_keeps_the_previous_file_and_leaves_no_temp_file()
    {
        using var disk = SmallDisk.Mount();
        var path = Path.Combine(disk.Path, RunJson.FileName);
        RunJson.Write(path, Run(1));
        disk.Fill();

        var error = Assert.Throws<IOException>(() => RunJson.Write(path, Run(2)));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.Equal(["filler", RunJson.FileName], Directory.EnumerateFiles(disk.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Single(RunJson.Read(path).Benchmarks);
        disk.Free();
        RunJson.Write(path, Run(2));
        Assert.Equal(2, RunJson.Read(path).Benchmarks.Count);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A run of <paramref name="benchmarks"/> skipped benchmarks: about 400 bytes each.</summary>
    internal static RunResult Run(int benchmarks) => new(
        RunResult.CurrentSchemaVersion, RunResult.ToolName, DateTimeOffset.UnixEpoch, RunStatus.Completed, "vmbench run", "local", new Dictionary<string, string>(),
        new RunEnvironment("h", "os", "k", "c", 2, ".NET", "1", new Dictionary<string, string>()),
        new RunConfig([], "local", [10], [1024], 1, 3, 42, "c-epoll", false, WarmupPolicy.Default, 0.5, null, false, [1], [0], 1, 5, "results/x"),
        Enumerable.Range(0, benchmarks).Select(i => new BenchmarkResult($"tcpecho-s{i}", $"s{i}", "a server with a long title to take room", "loop", "csharp", "tcpecho", BenchmarkRole.Measured, Status.Skipped, "not built: a reason that takes room too", null, [], [])).ToArray());
}
