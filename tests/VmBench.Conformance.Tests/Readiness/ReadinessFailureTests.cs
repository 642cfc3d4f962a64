using VmBench.Core.Runtimes;
using VmBench.Core.Running;
using VmBench.Runtimes.Local;

namespace VmBench.Conformance.Tests.Readiness;

/// <summary>Readiness fails at once when it can tell a server never will be ready, and says how the server was started.</summary>
[Trait(Tier.Key, Tier.Process)]
public sealed class ReadinessFailureTests
{
    /// <summary>Far longer than either failure needs: a test that sees the timeout's message has waited for nothing.</summary>
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_server_that_ignores_addr_fails_at_once_naming_the_port_it_listens_on()
    {
        using var script = new ScriptServer("wrong-port", ScriptServer.Echo.Replace("listener.bind((host, int(port)))", "listener.bind((host, 0))", StringComparison.Ordinal), """{ "MARKER": "a b" }""");

        var error = await StartFailureAsync(script, out var address);

        Assert.Matches(@"^the server listens on 127\.0\.0\.1:\d+, not on " + address.Replace(".", @"\.", StringComparison.Ordinal), error);
        Assert.DoesNotContain("after 90 s", error, StringComparison.Ordinal);
        Assert.Contains($"started as:  /usr/bin/python3 {script.Directory}/server.py --addr {address} --mode echo", error, StringComparison.Ordinal);
        Assert.Contains("environment: 'MARKER=a b'", error, StringComparison.Ordinal);
        Assert.Contains($"told to listen on: {address} (the --addr argument)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_exits_fails_at_once_with_its_command_line_and_output()
    {
        using var script = new ScriptServer("exits", "import sys\nprint('no such option: --addr', file=sys.stderr)\nsys.exit(2)\n");

        var error = await StartFailureAsync(script, out var address);

        Assert.StartsWith($"the server exited before it was ready on {address}", error, StringComparison.Ordinal);
        Assert.Contains($"started as:  /usr/bin/python3 {script.Directory}/server.py --addr {address} --mode echo", error, StringComparison.Ordinal);
        Assert.Contains("environment: nothing besides the harness's own", error, StringComparison.Ordinal);
        Assert.Contains("| no such option: --addr", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unix_socket_a_runtime_opens_before_the_server_binds_is_not_taken_for_a_wrong_address()
    {
        // As .NET does with its diagnostics socket: a listening unix socket of the runtime's own, a while before the server's.
        var script = "import os, socket, tempfile, time\n"
            + "side = socket.socket(socket.AF_UNIX)\nside.bind(os.path.join(tempfile.mkdtemp(), 'diagnostics'))\nside.listen(1)\ntime.sleep(1)\n"
            + ScriptServer.Echo;
        using var server = new ScriptServer("late-bind", script);
        var benchmark = server.Benchmark;
        await using var runtime = new ProcessRuntime(ProcessRuntimeOptions.For(Path.Combine(server.Root, "artifacts")), BuiltServers.Probe);
        var address = new AddressAllocator(Path.Combine(server.Root, "sockets")).Allocate(benchmark.Protocol.Address, benchmark.Name);

        await using var running = await runtime.StartAsync(new ServerLaunch(benchmark, address, [], s_readyTimeout), CancellationToken.None);

        Assert.Equal(0, await running.StopAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_conformance_test_of_a_server_that_does_not_start_fails_with_the_message_alone()
    {
        using var script = new ScriptServer("exits", "import sys\nsys.exit(2)\n");
        await using var servers = BuiltServers.Of(script.Root, Path.Combine(script.Root, "artifacts"));

        var failure = await Assert.ThrowsAsync<ContractFailure>(() => servers.CheckAsync("tcpecho-exits", VmBench.Contract.Checks.EchoChecks.HalfClose));

        Assert.StartsWith("tcpecho-exits: Half close gets everything echoed then eof: the server did not start: the server exited before it was ready on 127.0.0.1:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("started as:  /usr/bin/python3 ", failure.Message, StringComparison.Ordinal);
        Assert.Empty(failure.StackTrace);
    }

    private static Task<string> StartFailureAsync(ScriptServer script, out string address)
    {
        var benchmark = script.Benchmark;
        var runtime = new ProcessRuntime(ProcessRuntimeOptions.For(Path.Combine(script.Root, "artifacts")), BuiltServers.Probe);
        var allocated = new AddressAllocator(Path.Combine(script.Root, "sockets")).Allocate(benchmark.Protocol.Address, benchmark.Name);
        address = allocated.ToString();
        var launch = new ServerLaunch(benchmark, allocated, [], s_readyTimeout);
        return MessageAsync(runtime, launch);
    }

    private static async Task<string> MessageAsync(ProcessRuntime runtime, ServerLaunch launch)
    {
        await using (runtime)
        {
            var error = await Assert.ThrowsAsync<ServerStartException>(() => runtime.StartAsync(launch, CancellationToken.None));
            return error.Message;
        }
    }
}
