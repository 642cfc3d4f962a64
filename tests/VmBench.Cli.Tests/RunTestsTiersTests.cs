using System.Diagnostics;

namespace VmBench.Cli.Tests;

/// <summary>`tests/run-tests.sh` runs the fast tier first and stops there when it fails; a tier argument runs that tier alone.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class RunTestsTiersTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vmbench-run-tests-" + Guid.NewGuid().ToString("N"));

    public RunTestsTiersTests()
    {
        // The script beside a set-up that does nothing and a dotnet that records its calls; `dotnet test` fails on
        // the fast tier when FAST_FAILS is set, and prints a test summary either way.
        Directory.CreateDirectory(Path.Combine(_root, "harness"));
        Directory.CreateDirectory(Path.Combine(_root, "tests"));
        Directory.CreateDirectory(Path.Combine(_root, "bin"));
        File.Copy(Path.Combine(Repository.Root, "tests", "run-tests.sh"), Path.Combine(_root, "tests", "run-tests.sh"));
        File.WriteAllText(Path.Combine(_root, "harness", "setup-host.sh"), "echo ready\n");
        var dotnet = Path.Combine(_root, "bin", "dotnet");
        File.WriteAllText(dotnet, $$"""
            #!/bin/bash
            echo "$*" >> '{{Calls}}'
            [ "$1" = test ] || exit 0
            if [ -n "${FAST_FAILS:-}" ] && [[ "$*" == *Tier=fast* ]]; then echo "Failed!  - Failed:     1, Passed:     2, Skipped:     0, Total:     3"; exit 1; fi
            echo "Passed!  - Failed:     0, Passed:     4, Skipped:     1, Total:     5"
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string Calls => Path.Combine(_root, "calls.log");

    [Fact]
    public async Task A_failing_fast_tier_stops_the_run_before_the_other_tiers()
    {
        var (exit, stdout) = await RunAsync(fastFails: true);

        Assert.Equal(1, exit);
        Assert.Equal(["test --filter Tier=fast"], Tests());
        Assert.EndsWith("2 passed, 1 failed, 0 skipped", stdout.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_tier_the_fast_tier_runs_first_then_every_other()
    {
        var (exit, stdout) = await RunAsync(fastFails: false);

        Assert.Equal(0, exit);
        Assert.Equal(["test --filter Tier=fast", "test --filter Tier!=fast"], Tests());
        Assert.EndsWith("8 passed, 0 failed, 2 skipped", stdout.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_tier_runs_alone_and_keeps_the_callers_filter_and_options()
    {
        foreach (var tier in Tier.All)
        {
            File.Delete(Calls);
            var (exit, _) = await RunAsync(fastFails: true, tier, "--filter", "Name~X", "--blame");

            Assert.Equal(tier == Tier.Fast ? 1 : 0, exit);
            Assert.Equal([$"test --filter (Tier={tier})&(Name~X) --blame"], Tests());
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The `dotnet test` calls, without the options every call has.</summary>
    private string[] Tests() =>
        File.ReadAllLines(Calls).Where(c => c.StartsWith("test ", StringComparison.Ordinal))
            .Select(c => c.Replace("VmBench.sln -c Release --no-build --nologo -m:1 ", string.Empty, StringComparison.Ordinal)).ToArray();

    private async Task<(int ExitCode, string StdOut)> RunAsync(bool fastFails, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
        info.ArgumentList.Add(Path.Combine(_root, "tests", "run-tests.sh"));
        arguments.ToList().ForEach(info.ArgumentList.Add);
        info.Environment["PATH"] = Path.Combine(_root, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        info.Environment["FAST_FAILS"] = fastFails ? "1" : string.Empty;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        await stderr;
        return (process.ExitCode, await stdout);
    }
}
