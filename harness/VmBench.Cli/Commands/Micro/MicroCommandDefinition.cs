using System.CommandLine;
using VmBench.Cli.Commands.Common;

namespace VmBench.Cli.Commands.Micro;

/// <summary>`vmbench micro`: the options and the wiring, no behaviour.</summary>
public static class MicroCommandDefinition
{
    public static readonly Option<string[]> Filter = new("--filter", "-f")
    {
        Description = "BenchmarkDotNet glob patterns over full benchmark names (e.g. '*RoundTrip*' or '*Server: \"libuv\"*'); all when left out",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [],
    };

    public static readonly Option<bool> Dry = CommonOptions.Flag("--dry", "CI configuration: BenchmarkDotNet's Dry job (one invocation) in-process; checks that everything runs, measures nothing");

    public static readonly Option<string?> Output = CommonOptions.Output("Run folder; the exports go to its micro/ subfolder (default results/<UTC yyyyMMdd-HHmmss>/)");

    public static Command Create()
    {
        var command = new VerbCommand(
            "micro",
            "BenchmarkDotNet micro-benchmarks: one echo round trip per in-process .NET server (tcp and unix, 1 B to 64 KiB) and the load client's hot paths; time and bytes allocated per operation",
            "vmbench micro --dry",
            "vmbench micro --filter '*RoundTrip*'",
            "vmbench micro --filter '*RoundTrip*' --output results/micro")
            .With(Filter, Dry, Output);
        command.SetAction((parseResult, cancellationToken) => new MicroCommand(parseResult).ExecuteAsync(cancellationToken));
        return command;
    }
}
