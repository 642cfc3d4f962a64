using System.Runtime.InteropServices;
using VmBench.Core.Results;

namespace VmBench.Cli.Tests;

[Trait(Tier.Key, Tier.Process)]
public sealed class RunCommandTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "vmbench-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Run_end_to_end_with_the_local_runtime_writes_a_run_json_with_the_figures()
    {
        var (exit, stdout, stderr) = await Vmbench.RunAsync(
            TimeSpan.FromMinutes(4),
            "run", "--benchmarks", "tcpecho-sockets,unixecho-sockets,readline-sockets", "--runtime", "local",
            "--duration", "1", "--warmup", "0", "--trials", "2", "--seed", "5", "--sizes", "1024", "65536", "--concurrency", "1", "4",
            "--server-cpus", "", "--client-cpus", "", "--output", _output);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        var run = RunJson.Read(_output);
        Assert.Equal(RunStatus.Completed, run.Status);
        // The default reference, c-epoll, joins every protocol the selection uses, and every cell is paired with it.
        Assert.Equal(["tcpecho-c-epoll", "unixecho-c-epoll", "readline-c-epoll", "tcpecho-sockets", "unixecho-sockets", "readline-sockets"], run.Benchmarks.Select(b => b.Name));
        Assert.Equal(5, run.Config.Seed);
        foreach (var benchmark in run.Benchmarks)
        {
            Assert.True(benchmark.Status == Status.Ok, $"{benchmark.Name}: {benchmark.Reason}");
            Assert.Equal(4, benchmark.Variations.Count);
            foreach (var variation in benchmark.Variations)
            {
                Assert.Equal([1, 2], variation.Trials.Select(t => t.Trial));
                foreach (var figures in variation.Runs)
                {
                    Assert.True(figures.RequestsPerSecond > 100, $"{benchmark.Name} {variation.Label}: {figures.RequestsPerSecond} req/s");
                    Assert.True(figures.Latency.P50 > 0 && figures.Latency.P50 <= figures.Latency.P99 && figures.Latency.P99 <= figures.Latency.Max);
                    Assert.Equal(0, figures.Errors);
                }

                Assert.All(variation.Trials, t => Assert.NotNull(t.ServerCpuMicrosPerRequest));
                Assert.True(variation.Summary!.Flags.Unsteady); // measured without a warm-up, and it says so
                Assert.Equal(benchmark.Server == "c-epoll" ? null : benchmark.Name.Replace("sockets", "c-epoll", StringComparison.Ordinal), variation.Summary.Reference);
                Assert.Equal(benchmark.Server == "c-epoll" ? 0 : 2, variation.Summary.ReferenceRatios.Count);
            }
        }

        Assert.Equal(5, run.Benchmarks.Single(b => b.Name == "readline-sockets").Variations[0].Runs[0].Messages / Math.Max(1, run.Benchmarks.Single(b => b.Name == "readline-sockets").Variations[0].Runs[0].Requests));
        Assert.Equal(Environment.ProcessorCount, run.Environment.CpuCount);
        Assert.Contains("libuv", run.Environment.NativeLibraries.Keys);
        Assert.Equal("local", run.Runtime);
        Assert.Contains("tcpecho-sockets", stdout, StringComparison.Ordinal);
        Assert.Contains("trial 2/2", stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_output, "*.tmp"));
    }

    [Fact]
    public async Task Ctrl_c_during_measurement_leaves_no_server_process_and_keeps_the_results()
    {
        using var vmbench = Vmbench.Start(
            "run", "--benchmarks", "tcpecho-sockets", "--runtime", "local", "--duration", "2", "--warmup", "0", "--reference", "none",
            "--sizes", "1024", "2048", "4096", "--server-cpus", "", "--client-cpus", "", "--output", _output);
        var runJson = Path.Combine(_output, "run.json");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        IReadOnlyList<int> servers = [];
        while (DateTime.UtcNow < deadline)
        {
            servers = vmbench.Children();
            if (servers.Count > 0 && File.Exists(runJson) && RunJson.Read(runJson).Benchmarks.Sum(b => b.Variations.Sum(v => v.Runs.Count)) >= 1)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.NotEmpty(servers);
        Assert.Equal(0, Kill(vmbench.Process.Id, 2)); // SIGINT, as Ctrl-C
        var exit = await vmbench.WaitAsync(TimeSpan.FromSeconds(30));

        var said = vmbench.StdOut.Split('\n');
        Assert.True(exit == 130, $"exit {exit}, expected 130 (cancelled); stderr: {vmbench.StdErr}; stdout ends: {string.Join('\n', said[Math.Max(0, said.Length - 15)..])}");
        Assert.All(servers, pid => Assert.False(Vmbench.IsAlive(pid), $"server process {pid} was left behind"));
        var run = RunJson.Read(runJson);
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.True(run.Benchmarks.Single().Variations.Count >= 1);
        Assert.Contains("cancelled", vmbench.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_options_name_the_option_and_exit_2()
    {
        var (exit, _, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "run", "--sizes", "0", "--duration", "-1", "--runtime", "podman", "--trials", "0", "--warmup", "2", "--output", _output);

        Assert.Equal(2, exit);
        Assert.Contains("--trials: '0' is not valid: expected a whole number of trials from 1 to 1000", stderr, StringComparison.Ordinal);
        Assert.Contains("--sizes: '0' is not valid", stderr, StringComparison.Ordinal);
        Assert.Contains("--duration: '-1' is not valid", stderr, StringComparison.Ordinal);
        Assert.Contains("unknown runtime 'podman'", stderr, StringComparison.Ordinal);

        // What joins two options is checked once each option is valid on its own.
        (exit, _, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "run", "--warmup", "2", "--output", _output);
        Assert.Equal(2, exit);
        Assert.Contains("--warmup: 2 is not valid: expected 0 (no warm-up) or at least the steady-state window of 4 s", stderr, StringComparison.Ordinal);
        (exit, _, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "run", "--warmup", "10", "--warmup-min", "20", "--output", _output);
        Assert.Equal(2, exit);
        Assert.Contains("--warmup-min: 20 is not valid: expected at most --warmup (10 s)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_reference_or_aa_without_one_is_refused_naming_the_fix()
    {
        var (exit, _, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "run", "--benchmarks", "tcpecho-sockets", "--reference", "no-such-server", "--output", _output);
        Assert.Equal(2, exit);
        Assert.Contains("--reference: no server 'no-such-server' was discovered", stderr, StringComparison.Ordinal);
        Assert.Contains("--reference none", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "run", "--benchmarks", "tcpecho-sockets", "--reference", "none", "--aa", "--output", _output);
        Assert.Equal(2, exit);
        Assert.Contains("--aa measures the reference against itself", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pattern_that_matches_nothing_lists_the_benchmarks()
    {
        var (exit, _, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "run", "--benchmarks", "no-such-thing", "--output", _output);

        Assert.Equal(2, exit);
        Assert.Contains("'no-such-thing' matches no benchmark (available: ", stderr, StringComparison.Ordinal);
        Assert.Contains("tcpecho-sockets", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unwritable_output_folder_is_refused_before_anything_runs()
    {
        var blocker = Path.Combine(Path.GetTempPath(), "vmbench-blocker-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocker, "a file, not a folder");
        try
        {
            var (exit, _, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "run", "--benchmarks", "tcpecho-sockets", "--output", Path.Combine(blocker, "run"));

            Assert.Equal(2, exit);
            Assert.Contains("cannot write to the output folder", stderr, StringComparison.Ordinal);
            Assert.Contains("--output", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
