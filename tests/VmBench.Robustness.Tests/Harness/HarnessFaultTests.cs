using VmBench.Core.Results;

namespace VmBench.Robustness.Tests.Harness;

/// <summary>
/// Faults around the servers, through the real vmbench CLI (local runtime, short durations, temp
/// folders): each gives a message naming the cause and the fix, a non-zero exit code, keeps every
/// result already measured, and leaves no process behind.
/// </summary>
[Collection(RobustnessCollection.Name)]
[Trait(Tier.Key, Tier.Robustness)]
public sealed class HarnessFaultTests : IDisposable
{
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromMinutes(2);
    private readonly FakeServers _fake = new();

    [Fact]
    public async Task A_server_that_cannot_bind_fails_its_benchmark_with_its_own_log_line()
    {
        _fake.AddScript("busy", "echo \"bind: Address already in use\" >&2\nexit 1\n");
        _fake.AddEcho("steady");

        var outcome = await CliRun.RunAsync(_fake.Marker, s_runTimeout, _fake.RunArgs("--duration", "0.5", "--warmup", "0", "--sizes", "1024"));

        Assert.True(outcome.ExitCode == 1, outcome.Output);
        var run = RunJson.Read(_fake.Output);
        var busy = run.Benchmarks.Single(b => b.Name == "tcpecho-busy");
        Assert.Equal(Status.Failed, busy.Status);
        Assert.True(busy.Reason?.Contains("bind: Address already in use", StringComparison.Ordinal) == true, $"run.json's reason lacks the server's last line: {busy.Reason}");
        Assert.True((outcome.StdOut + outcome.StdErr).Contains("bind: Address already in use", StringComparison.Ordinal), $"the console lacks the server's last line: {outcome.Output}");
        AssertMeasured(run, "tcpecho-steady", 1);
    }

    [Fact]
    public async Task A_missing_server_binary_is_named()
    {
        var dir = _fake.Add("ghost", ["{dir}/no-such-server", _fake.Marker]);
        _fake.AddEcho("steady");

        var outcome = await CliRun.RunAsync(_fake.Marker, s_runTimeout, _fake.RunArgs("--duration", "0.5", "--warmup", "0", "--sizes", "1024"));

        Assert.True(outcome.ExitCode == 1, outcome.Output);
        var missing = Path.Combine(dir, "no-such-server");
        var ghost = RunJson.Read(_fake.Output).Benchmarks.Single(b => b.Name == "tcpecho-ghost");
        Assert.Equal(Status.Failed, ghost.Status);
        Assert.Contains(missing, ghost.Reason, StringComparison.Ordinal);
        Assert.Contains("not found", ghost.Reason, StringComparison.Ordinal);
        Assert.Contains(missing, outcome.StdOut + outcome.StdErr, StringComparison.Ordinal);
        AssertMeasured(RunJson.Read(_fake.Output), "tcpecho-steady", 1);
    }

    [Fact]
    public async Task A_server_that_crashes_mid_run_fails_its_benchmark_keeps_what_it_measured_and_the_next_runs()
    {
        _fake.AddEcho("crashy", "--crash-after", "4"); // after its memory ladder (about 1 s) and some cells, before the last
        _fake.AddEcho("steady");

        var outcome = await CliRun.RunAsync(_fake.Marker, s_runTimeout, _fake.RunArgs("--duration", "0.5", "--warmup", "0", "--sizes", "1024", "2048", "4096", "8192", "16384", "32768", "65536"));

        Assert.True(outcome.ExitCode == 1, outcome.Output);
        var run = RunJson.Read(_fake.Output);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(["tcpecho-crashy", "tcpecho-steady"], run.Benchmarks.Select(b => b.Name));
        var crashy = run.Benchmarks[0];
        Assert.Equal(Status.Failed, crashy.Status);
        Assert.Contains("crashing on purpose", crashy.Reason, StringComparison.Ordinal);
        Assert.Contains("crashing on purpose", outcome.StdOut, StringComparison.Ordinal);
        var kept = crashy.Variations.Where(v => v.Status == Status.Ok).ToList();
        Assert.True(kept.Count >= 1, $"no variation measured before the crash was kept: {outcome.Output}");
        Assert.All(kept, v => Assert.True(v.Runs.Count == 1 && v.Runs[0].Requests > 0, $"{v.Label}: kept without figures"));
        Assert.True(crashy.Variations.Count < 7, "the crashed server's benchmark went on after the crash");
        AssertMeasured(run, "tcpecho-steady", 7);
    }

    [Fact]
    public async Task A_server_that_never_becomes_ready_fails_after_the_ready_timeout_with_its_log_tail()
    {
        _fake.Add("sleepy", [FakeServers.Python, "-c", "import time; print('sleepy: listening nowhere', flush=True); time.sleep(120)", _fake.Marker]);
        _fake.AddEcho("steady");

        var outcome = await CliRun.RunAsync(_fake.Marker, s_runTimeout, _fake.RunArgs("--duration", "0.5", "--warmup", "0", "--sizes", "1024", "--ready-timeout", "2"));

        Assert.True(outcome.ExitCode == 1, outcome.Output);
        var sleepy = RunJson.Read(_fake.Output).Benchmarks.Single(b => b.Name == "tcpecho-sleepy");
        Assert.Equal(Status.Failed, sleepy.Status);
        Assert.Contains("not ready", sleepy.Reason, StringComparison.Ordinal);
        Assert.Contains("--ready-timeout", sleepy.Reason, StringComparison.Ordinal);
        Assert.Contains("sleepy: listening nowhere", sleepy.Reason, StringComparison.Ordinal);
        Assert.Contains("sleepy: listening nowhere", outcome.StdOut, StringComparison.Ordinal);
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(40), $"the ready timeout of 2 s took {outcome.Elapsed.TotalSeconds:0} s to act");
        AssertMeasured(RunJson.Read(_fake.Output), "tcpecho-steady", 1);
    }

    [Fact]
    public async Task Broken_manifests_are_named_by_file_and_field_and_the_other_servers_still_run()
    {
        _fake.AddRaw("bad-json", "{ \"id\": \"bad-json\", \"title\": ");
        _fake.AddRaw("bad-types", """
            { "id": "bad-types", "title": 42, "loop": "fake", "language": "python", "modes": "echo",
              "addresses": ["tcp"], "build": { "kind": "command", "dockerfile": "Dockerfile" }, "run": { "command": ["/bin/true"] } }
            """);
        _fake.AddEcho("steady");

        var outcome = await CliRun.RunAsync(_fake.Marker, s_runTimeout, _fake.RunArgs("--duration", "0.5", "--warmup", "0", "--sizes", "1024"));

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        var errors = outcome.StdErr.Split('\n');
        Assert.Contains(errors, l => l.Contains("bad-json/server.json", StringComparison.Ordinal) && l.Contains("not valid JSON", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.Contains("bad-types/server.json", StringComparison.Ordinal) && l.Contains("\"modes\"", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.Contains("bad-types/server.json", StringComparison.Ordinal) && l.Contains("\"title\"", StringComparison.Ordinal));
        var run = RunJson.Read(_fake.Output);
        Assert.Equal(["tcpecho-steady"], run.Benchmarks.Select(b => b.Name));
        AssertMeasured(run, "tcpecho-steady", 1);
    }

    [Fact]
    public async Task An_unwritable_output_folder_exits_2_before_any_server_starts()
    {
        var steady = _fake.AddEcho("steady");
        var blocker = Path.Combine(_fake.Root, "a-file");
        await File.WriteAllTextAsync(blocker, "a file, not a folder");

        var outcome = await CliRun.RunAsync(_fake.Marker, s_runTimeout, _fake.RunArgsTo(Path.Combine(blocker, "run"), "--duration", "0.5", "--warmup", "0", "--sizes", "1024"));

        Assert.True(outcome.ExitCode == 2, outcome.Output);
        Assert.Contains("cannot write to the output folder", outcome.StdErr, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(blocker, "run"), outcome.StdErr, StringComparison.Ordinal);
        Assert.Contains("--output", outcome.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(steady, "started")), "a server was started although nothing could be saved");
    }

    [Fact]
    public async Task A_truncated_run_json_is_refused_by_report_and_compare()
    {
        _fake.AddEcho("steady");
        var measured = await CliRun.RunAsync(_fake.Marker, s_runTimeout, _fake.RunArgs("--duration", "0.5", "--warmup", "0", "--sizes", "1024"));
        Assert.True(measured.ExitCode == 0, measured.Output);
        var text = await File.ReadAllTextAsync(_fake.RunJson);
        var truncatedDir = Path.Combine(_fake.Root, "truncated");
        Directory.CreateDirectory(truncatedDir);
        var truncated = Path.Combine(truncatedDir, "run.json");
        await File.WriteAllTextAsync(truncated, text[..(text.Length / 2)]);

        foreach (var args in new[] { new[] { "report", truncatedDir }, ["compare", _fake.Output, truncatedDir], ["compare", truncatedDir, _fake.Output] })
        {
            var outcome = await CliRun.RunAsync(_fake.Marker, TimeSpan.FromMinutes(1), args);
            var what = $"vmbench {string.Join(' ', args)}: {outcome.Output}";
            Assert.True(outcome.ExitCode == 2, what);
            Assert.Contains("not valid JSON", outcome.StdErr, StringComparison.Ordinal);
            Assert.Contains(truncated, outcome.StdErr, StringComparison.Ordinal);
        }

        Assert.Equal(text[..(text.Length / 2)], await File.ReadAllTextAsync(truncated));
    }

    [Fact]
    public async Task Ctrl_c_during_a_build_stops_the_build_and_leaves_nothing()
    {
        var dir = _fake.AddScript("slowbuild", "exit 1\n", build: ["/bin/sh", "{dir}/build.sh", _fake.Marker]);
        await File.WriteAllTextAsync(Path.Combine(dir, "build.sh"), $"echo compiling\n{FakeServers.Python} -c 'import time; time.sleep(30)' \"$1\"\n");
        using var run = CliRun.Start(_fake.RunArgs("--duration", "0.5", "--warmup", "0", "--sizes", "1024"));

        await run.WaitUntilAsync(() => ProcessScan.WithMarker(_fake.Marker).Any(p => p.Contains("time.sleep(30)", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "the build running");
        await Task.Delay(200);
        ProcessScan.Signal(run.ProcessId, ProcessScan.Sigint);
        var outcome = await run.FinishAsync(_fake.Marker, TimeSpan.FromSeconds(20));

        AssertCancelled(outcome);
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(20), outcome.Output);
        var result = RunJson.Read(_fake.Output);
        Assert.Equal(RunStatus.Cancelled, result.Status);
    }

    [Fact]
    public async Task Ctrl_c_during_warm_up_stops_the_server_and_leaves_nothing()
    {
        _fake.AddEcho("steady");
        using var run = CliRun.Start(_fake.RunArgs("--duration", "1", "--warmup", "30", "--sizes", "1024"));

        await run.WaitUntilAsync(() => run.Vmbench.StdOut.Contains("warming up", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "warm-up");
        await Task.Delay(500);
        Assert.Contains(ProcessScan.WithMarker(_fake.Marker), p => p.Contains("echo.py", StringComparison.Ordinal));
        ProcessScan.Signal(run.ProcessId, ProcessScan.Sigint);
        var outcome = await run.FinishAsync(_fake.Marker, TimeSpan.FromSeconds(20));

        AssertCancelled(outcome);
        var result = RunJson.Read(_fake.Output);
        Assert.Equal(RunStatus.Cancelled, result.Status);
        var steady = Assert.Single(result.Benchmarks);
        Assert.Equal(Status.Cancelled, steady.Status);
    }

    [Fact]
    public async Task Ctrl_c_during_measurement_keeps_every_finished_variation_and_leaves_nothing()
    {
        _fake.AddEcho("steady");
        using var run = CliRun.Start(_fake.RunArgs("--duration", "1", "--warmup", "0", "--sizes", "1024", "2048", "4096", "8192", "16384", "32768"));

        await run.WaitUntilAsync(() => MeasuredSoFar(_fake.RunJson) >= 2, TimeSpan.FromSeconds(60), "two variations measured");
        await Task.Delay(300); // into the third
        ProcessScan.Signal(run.ProcessId, ProcessScan.Sigint);
        var outcome = await run.FinishAsync(_fake.Marker, TimeSpan.FromSeconds(20));

        AssertCancelled(outcome);
        var result = RunJson.Read(_fake.Output);
        Assert.Equal(RunStatus.Cancelled, result.Status);
        var steady = Assert.Single(result.Benchmarks);
        Assert.Equal(Status.Cancelled, steady.Status);
        Assert.True(steady.Variations.Count >= 2, $"only {steady.Variations.Count} variation(s) kept after Ctrl-C");
        Assert.All(steady.Variations, v => Assert.True(v.Status == Status.Ok && v.Runs.Count == 1 && v.Runs[0].Requests > 0, $"{v.Label}: kept without figures"));
    }

    public void Dispose() => _fake.Dispose();

    private static void AssertCancelled(CliRun.Outcome outcome)
    {
        Assert.True(outcome.ExitCode == 130, outcome.Output);
        Assert.Contains("cancelled", outcome.StdErr, StringComparison.Ordinal);
        Assert.Contains("run.json", outcome.StdErr, StringComparison.Ordinal);
    }

    private static void AssertMeasured(RunResult run, string benchmark, int variations)
    {
        var result = run.Benchmarks.Single(b => b.Name == benchmark);
        Assert.True(result.Status == Status.Ok, $"{benchmark}: {result.Status}: {result.Reason}");
        Assert.Equal(variations, result.Variations.Count);
        Assert.All(result.Variations, v => Assert.True(v.Runs.Count == 1 && v.Runs[0].Requests > 0 && v.Runs[0].Failure is null, $"{benchmark} {v.Label}: no figures"));
    }

    private static int MeasuredSoFar(string runJson)
    {
        try
        {
            return File.Exists(runJson) ? RunJson.Read(runJson).Benchmarks.Sum(b => b.Variations.Count) : 0;
        }
        catch (RunFileException)
        {
            return 0;
        }
    }
}
