namespace VmBench.Cli.Tests;

/// <summary>`vmbench check ID`: the contract's checks against one server, a line each, exit 0 when all pass and 1 when one fails.</summary>
[Trait(Tier.Key, Tier.Process)]
public sealed class CheckCommandTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_server_that_keeps_the_contract_passes_every_check_and_exits_0()
    {
        using var script = new ScriptServer("good", ScriptServer.Echo);

        var (exit, stdout, stderr) = await Vmbench.RunAsync(s_bound, "check", "good", "--servers", script.Root, "--runtime", "local");

        Assert.True(exit == 0, stdout + stderr);
        foreach (var check in ServerContract.For([script.Benchmark]))
        {
            Assert.Matches($@"(?m)^pass  tcpecho-good +{check.Check.Title} \[\d+\.\d s\]$", stdout);
        }

        Assert.Contains($"good: all {ServerContract.For([script.Benchmark]).Count} checks passed", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_exits_3_on_sigterm_fails_the_checks_that_stop_it_and_exits_1()
    {
        using var script = new ScriptServer("bad-exit", ScriptServer.Echo.Replace("os._exit(0)", "os._exit(3)", StringComparison.Ordinal));

        var (exit, stdout, stderr) = await Vmbench.RunAsync(s_bound, "check", "bad-exit", "--servers", script.Root, "--runtime", "local");

        Assert.True(exit == 1, stdout + stderr);
        Assert.Matches(@"(?m)^FAIL  tcpecho-bad-exit +Sigterm with connections open exits 0 \[", stdout);
        Assert.Matches(@"(?m)^FAIL  tcpecho-bad-exit +Echoes 1 byte to 1 MiB byte for byte \[", stdout);
        Assert.Contains("      the server exited with code 3 on SIGTERM (expected 0)", stdout, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^pass  tcpecho-bad-exit +Half close gets everything echoed then eof \[", stdout);
        Assert.Contains($"bad-exit: 2 of {ServerContract.For([script.Benchmark]).Count} checks failed", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_ignores_addr_fails_each_check_at_once_saying_where_it_listens()
    {
        using var script = new ScriptServer("own-port", ScriptServer.Echo.Replace("listener.bind((host, int(port)))", "listener.bind((host, 0))", StringComparison.Ordinal));

        var (exit, stdout, stderr) = await Vmbench.RunAsync(s_bound, "check", "own-port", "--servers", script.Root, "--runtime", "local", "--ready-timeout", "120");

        Assert.True(exit == 1, stdout + stderr);
        Assert.Matches(@"(?m)^      the server did not start: the server listens on 127\.0\.0\.1:\d+, not on 127\.0\.0\.1:\d+", stdout);
        Assert.Contains("started as:  /usr/bin/python3 " + script.Directory + "/server.py --addr 127.0.0.1:", stdout, StringComparison.Ordinal);
        Assert.Contains($"own-port: {ServerContract.For([script.Benchmark]).Count} of {ServerContract.For([script.Benchmark]).Count} checks failed", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_server_id_exits_2_naming_the_known_ones()
    {
        using var script = new ScriptServer("good", ScriptServer.Echo);

        var (exit, _, stderr) = await Vmbench.RunAsync(s_bound, "check", "godo", "--servers", script.Root, "--runtime", "local");

        Assert.Equal(2, exit);
        Assert.Contains("error: no server \"godo\" under " + script.Root + " (known: good;", stderr, StringComparison.Ordinal);
    }
}
