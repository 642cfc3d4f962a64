using System.Globalization;
using VmBench.Core.Model;

namespace VmBench.Contract.Checks;

/// <summary>
/// How a server refuses to start: bad arguments exit 2, an address in use exits 1, a mode its manifest does not declare
/// is a bad argument. Each runs the server's own command a second time where the server runs
/// (<see cref="Core.Runtimes.IRunningServer.ExecAsync"/>), beside the started one, on the started one's address: a second
/// instance that ignored what it was told could only fail to bind, never serve.
/// </summary>
public static class StartupChecks
{
    private static readonly TimeSpan s_exitWithin = TimeSpan.FromSeconds(15);

    /// <summary>Checked once per server, on its tcpecho benchmark (or its first).</summary>
    public static readonly ContractCheck BadArguments = new("Bad_arguments_exit_2_with_a_usage_line", b => b == VersionChecks.OneOf(b.Server), async c =>
    {
        foreach (var arguments in new[] { ["--no-such-option"], ["--mode", Names.Of(c.Benchmark.Protocol.Mode)], new[] { "--addr", c.Address.ToString(), "--mode", "no-such-mode" } })
        {
            await ExpectExitAsync(c, arguments, 2, "bad arguments").ConfigureAwait(false);
        }
    });

    /// <summary>Checked once per server with TCP, on its tcpecho benchmark (or its first TCP one). A unix socket file in the way is left out: removing a stale one is common and the contract does not forbid it.</summary>
    public static readonly ContractCheck AddressInUse = new("An_address_in_use_exits_1_saying_so", b => b == FirstTcp(b.Server), c =>
        ExpectExitAsync(c, ["--addr", c.Address.ToString(), "--mode", Names.Of(c.Benchmark.Protocol.Mode)], 1, "its address is in use (by the started server)"));

    /// <summary>
    /// Checked once per server, on its tcpecho benchmark (or its first). Every declared mode is served: each has its
    /// benchmarks, whose readiness probe and checks speak that mode.
    /// </summary>
    public static readonly ContractCheck UndeclaredModes = new("Modes_the_manifest_does_not_declare_are_refused_with_exit_2", b => b == VersionChecks.OneOf(b.Server), async c =>
    {
        foreach (var mode in Enum.GetValues<Mode>().Except(c.Benchmark.Server.Modes))
        {
            await ExpectExitAsync(c, ["--addr", c.Address.ToString(), "--mode", Names.Of(mode)], 2, $"mode {Names.Of(mode)}, which its manifest does not declare (declare it, or refuse it as a bad argument)").ConfigureAwait(false);
        }
    });

    private static Benchmark? FirstTcp(ServerManifest server) =>
        Benchmark.AllOf([server]).Where(b => b.Protocol.Address == AddressKind.Tcp).OrderBy(b => b.Protocol != Protocol.TcpEcho).FirstOrDefault();

    private static async Task ExpectExitAsync(CheckContext c, IReadOnlyList<string> arguments, int expected, string why)
    {
        var argv = c.Server.Command.Concat(arguments).ToArray();
        var result = await c.Server.ExecAsync(argv, s_exitWithin, c.CancellationToken).ConfigureAwait(false);
        var shown = string.Join(' ', arguments);
        var said = result.Output.Length == 0 ? "printed nothing" : "printed: " + result.Output.Split('\n')[^1].Trim();
        ContractViolation.Unless(result.ExitCode == expected, string.Create(CultureInfo.InvariantCulture, $"started with `{shown}` ({why}) it exited {result.ExitCode}, expected {expected}; it {said}"));
        ContractViolation.Unless(result.Output.Length > 0, $"started with `{shown}` ({why}) it exited {expected} but printed nothing (say on stderr what is wrong and how to fix it)");
    }
}
