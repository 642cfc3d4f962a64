using VmBench.Core.Results;

namespace VmBench.Robustness.Tests.Harness;

/// <summary>
/// Hostile servers for the local runtime's process handling, through the real vmbench CLI: children that
/// escape the process group and ignore SIGTERM, a daemonizing server, a build that backgrounds a sleeper, a
/// 50 MB output line, a server slow to stop under Ctrl-C, and a vmbench killed with SIGKILL. Each run is
/// bounded in time and ends with no process of theirs alive.
/// </summary>
[Collection(RobustnessCollection.Name)]
[Trait(Tier.Key, Tier.Robustness)]
public sealed class ProcessFaultTests : IDisposable
{
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromSeconds(60);
    private readonly FakeServers _fake = new();

    private string[] ShortRun => _fake.RunArgs("--duration", "0.5", "--warmup", "0", "--sizes", "1024");

    [Fact]
    public async Task A_server_whose_setsid_child_ignores_sigterm_and_holds_stdout_is_stopped_with_its_whole_tree()
    {
        _fake.AddEchoScript("forker", $"setsid {_fake.Stubborn} &");

        var outcome = await CliRun.RunAsync(_fake.Marker, s_runTimeout, ShortRun);

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.Equal(Status.Ok, RunJson.Read(_fake.Output).Benchmarks.Single().Status);
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(30), outcome.Output);
    }

    [Fact]
    public async Task A_server_that_double_forks_into_its_own_session_does_not_hang_the_run_and_its_daemon_is_stopped()
    {
        _fake.AddEchoScript("daemon", string.Empty, daemonize: true);
        _fake.AddEcho("steady");

        var outcome = await CliRun.RunAsync(_fake.Marker, s_runTimeout, ShortRun);

        var run = RunJson.Read(_fake.Output);
        Assert.True(run.Status != RunStatus.Running, outcome.Output);
        Assert.Equal(Status.Ok, run.Benchmarks.Single(b => b.Name == "tcpecho-steady").Status);
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(40), outcome.Output);
    }

    [Fact]
    public async Task A_build_command_that_backgrounds_a_sleeper_neither_waits_for_it_nor_leaves_it_running()
    {
        _fake.AddEchoScript("bgbuild", string.Empty, build: ["/bin/sh", "-c", $"{_fake.Stubborn} & echo built"]);

        var outcome = await CliRun.RunAsync(_fake.Marker, s_runTimeout, ShortRun);

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.Equal(Status.Ok, RunJson.Read(_fake.Output).Benchmarks.Single().Status);
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(30), $"the build waited for its background child: {outcome.Output}");
    }

    [Fact]
    public async Task A_50_MB_output_line_is_cut_in_the_failure_reason_and_in_every_file()
    {
        _fake.Add("shouter", [FakeServers.Python, "-c", "import sys; sys.stdout.write('x' * 50_000_000 + '\\n'); sys.stdout.flush(); sys.exit(1)", _fake.Marker]);
        _fake.AddEcho("steady");

        var outcome = await CliRun.RunAsync(_fake.Marker, s_runTimeout, ShortRun);

        Assert.True(outcome.ExitCode == 1, outcome.Output.Length > 20_000 ? outcome.Output[..20_000] : outcome.Output);
        var run = RunJson.Read(_fake.Output);
        var shouter = run.Benchmarks.Single(b => b.Name == "tcpecho-shouter");
        Assert.Equal(Status.Failed, shouter.Status);
        Assert.True(shouter.Reason!.Length < 20_000, $"the failure reason is {shouter.Reason.Length} characters");
        Assert.Contains("line cut", shouter.Reason, StringComparison.Ordinal);
        Assert.True(outcome.StdOut.Length + outcome.StdErr.Length < 100_000, $"the console got {outcome.StdOut.Length + outcome.StdErr.Length} characters");
        foreach (var file in Directory.EnumerateFiles(_fake.Output, "*", SearchOption.AllDirectories))
        {
            Assert.True(new FileInfo(file).Length < 1_000_000, $"{file} is {new FileInfo(file).Length} bytes");
        }

        Assert.Equal(Status.Ok, run.Benchmarks.Single(b => b.Name == "tcpecho-steady").Status);
    }

    [Fact]
    public async Task Ctrl_c_with_a_server_slow_to_stop_waits_for_it_and_writes_a_cancelled_run_json_and_the_reports()
    {
        _fake.AddEcho("slowstop", "--slow-stop", "4");
        using var run = CliRun.Start(_fake.RunArgs("--duration", "1", "--warmup", "30", "--sizes", "1024"));

        await run.WaitUntilAsync(() => run.Vmbench.StdOut.Contains("warming up", StringComparison.Ordinal), s_runTimeout, "warm-up");
        await Task.Delay(300);
        ProcessScan.Signal(run.ProcessId, ProcessScan.Sigint);
        var outcome = await run.FinishAsync(_fake.Marker, TimeSpan.FromSeconds(40));

        Assert.True(outcome.ExitCode == 130, outcome.Output);
        var result = RunJson.Read(_fake.Output);
        Assert.Equal(RunStatus.Cancelled, result.Status);
        Assert.Equal(Status.Cancelled, result.Benchmarks.Single().Status);
        Assert.True(File.Exists(Path.Combine(_fake.Output, "report.html")), $"no report.html after Ctrl-C: {outcome.Output}");
    }

    [Fact]
    public async Task Sigkill_of_vmbench_takes_its_server_with_it()
    {
        _fake.AddEcho("steady");
        using var run = CliRun.Start(_fake.RunArgs("--duration", "1", "--warmup", "30", "--sizes", "1024"));

        await run.WaitUntilAsync(() => run.Vmbench.StdOut.Contains("warming up", StringComparison.Ordinal), s_runTimeout, "warm-up");
        Assert.Contains(ProcessScan.WithMarker(_fake.Marker), p => p.Contains("echo.py", StringComparison.Ordinal));
        ProcessScan.Signal(run.ProcessId, ProcessScan.Sigkill);

        await run.FinishAsync(_fake.Marker, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task What_a_killed_vmbench_left_running_is_stopped_at_the_next_start()
    {
        _fake.AddEchoScript("forker", $"setsid {_fake.Stubborn} &");
        using (var killed = CliRun.Start(_fake.RunArgs("--duration", "1", "--warmup", "30", "--sizes", "1024")))
        {
            await killed.WaitUntilAsync(() => killed.Vmbench.StdOut.Contains("warming up", StringComparison.Ordinal), s_runTimeout, "warm-up");
            ProcessScan.Signal(killed.ProcessId, ProcessScan.Sigkill);
            await killed.Vmbench.WaitAsync(TimeSpan.FromSeconds(10));
        }

        await Task.Delay(500);
        Assert.Contains(ProcessScan.WithMarker(_fake.Marker), p => p.Contains("-stubborn", StringComparison.Ordinal)); // out of reach of a parent-death signal
        using var next = new FakeServers();
        next.AddEcho("steady");

        var outcome = await CliRun.RunAsync(_fake.Marker, s_runTimeout, next.RunArgs("--duration", "0.5", "--warmup", "0", "--sizes", "1024"));

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.Contains("left running by an earlier vmbench", outcome.StdOut + outcome.StdErr, StringComparison.Ordinal);
    }

    public void Dispose() => _fake.Dispose();
}
