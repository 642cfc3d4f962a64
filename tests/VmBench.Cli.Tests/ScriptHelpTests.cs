using System.Diagnostics;

namespace VmBench.Cli.Tests;

/// <summary>`./run-benchmarks.sh --help` and `tests/run-tests.sh --help` print their usage without any set-up or build.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class ScriptHelpTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vmbench-script-help-" + Guid.NewGuid().ToString("N"));

    public ScriptHelpTests()
    {
        // A copy of the scripts beside a set-up script and a dotnet that only record that they were called.
        Directory.CreateDirectory(Path.Combine(_root, "harness"));
        Directory.CreateDirectory(Path.Combine(_root, "tests"));
        Directory.CreateDirectory(Path.Combine(_root, "bin"));
        File.Copy(Path.Combine(Repository.Root, "run-benchmarks.sh"), Path.Combine(_root, "run-benchmarks.sh"));
        File.Copy(Path.Combine(Repository.Root, "tests", "run-tests.sh"), Path.Combine(_root, "tests", "run-tests.sh"));
        File.WriteAllText(Path.Combine(_root, "harness", "setup-host.sh"), $"echo setup >> '{Calls}'\nexit 1\n");
        var dotnet = Path.Combine(_root, "bin", "dotnet");
        File.WriteAllText(dotnet, $"#!/bin/sh\necho \"dotnet $*\" >> '{Calls}'\necho \"vmbench help from the stub\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string Calls => Path.Combine(_root, "calls.log");

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Run_benchmarks_help_prints_its_usage_without_set_up_or_build(string flag)
    {
        var (exit, stdout, stderr) = await RunAsync("run-benchmarks.sh", flag);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("./run-benchmarks.sh [vmbench run options...]", stdout, StringComparison.Ordinal);
        Assert.Contains("./run-benchmarks.sh --micro", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("#", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Calls), "set-up or dotnet ran: " + (File.Exists(Calls) ? File.ReadAllText(Calls) : string.Empty));
    }

    [Fact]
    public async Task Run_benchmarks_help_adds_the_run_options_when_vmbench_is_built()
    {
        var dll = Path.Combine(_root, "harness", "VmBench.Cli", "bin", "Release", "net10.0", "vmbench.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        await File.WriteAllTextAsync(dll, "built");

        var (exit, stdout, stderr) = await RunAsync("run-benchmarks.sh", "--help");

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("vmbench help from the stub", stdout, StringComparison.Ordinal);
        Assert.Equal([$"dotnet {dll} run --help"], await File.ReadAllLinesAsync(Calls));
    }

    [Fact]
    public async Task Run_tests_help_prints_its_usage_without_set_up_or_build()
    {
        var (exit, stdout, stderr) = await RunAsync(Path.Combine("tests", "run-tests.sh"), "--help");

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("tests/run-tests.sh [dotnet test options...]", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Calls), "set-up or dotnet ran: " + (File.Exists(Calls) ? File.ReadAllText(Calls) : string.Empty));
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }

    private async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string script, string argument)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _root,
        };
        info.ArgumentList.Add(Path.Combine(_root, script));
        info.ArgumentList.Add(argument);
        info.Environment["PATH"] = Path.Combine(_root, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
