using System.CommandLine;
using VmBench.Cli.Commands.Common;

namespace VmBench.Cli.Commands.List;

/// <summary>`vmbench list`: the options and the wiring, no behaviour.</summary>
public static class ListCommandDefinition
{
    public static readonly Option<string> Servers = CommonOptions.Servers();
    public static readonly Option<string[]> Benchmarks = CommonOptions.Benchmarks();

    public static Command Create()
    {
        var command = new VerbCommand(
            "list",
            "List the discovered servers and their benchmarks, report broken manifests, show native library versions",
            "vmbench list",
            "vmbench list --benchmarks 'readline-.*'",
            "vmbench list --benchmarks sockets")
            .With(Servers, Benchmarks);
        command.SetAction(parseResult => new ListCommand(parseResult.GetValue(Servers)!, parseResult.GetValue(Benchmarks)!, Console.Out, Console.Error).Execute());
        return command;
    }
}
