using System.CommandLine;
using VmBench.Cli.Commands.Common;

namespace VmBench.Cli.Commands.Build;

/// <summary>`vmbench build`: the options and the wiring, no behaviour.</summary>
public static class BuildCommandDefinition
{
    public static readonly Option<string> Servers = CommonOptions.Servers();
    public static readonly Option<string[]> Benchmarks = CommonOptions.Benchmarks();
    public static readonly Option<string> Runtime = CommonOptions.Runtime();
    public static readonly Option<string?> DockerHost = CommonOptions.DockerHost();

    public static Command Create()
    {
        var command = new VerbCommand(
            "build",
            "Build the selected servers without running them (Docker: content-hashed images, an unchanged server is not rebuilt)",
            "vmbench build",
            "vmbench build --benchmarks 'tcpecho-.*' --runtime local",
            "vmbench build --benchmarks kestrel --runtime docker")
            .With(Servers, Benchmarks, Runtime, DockerHost);
        command.SetAction(async (ParseResult parseResult, CancellationToken cancellationToken) =>
            await new BuildCommand(
                parseResult.GetValue(Servers)!,
                parseResult.GetValue(Benchmarks)!,
                parseResult.GetValue(Runtime)!,
                parseResult.GetValue(DockerHost),
                Console.Out,
                Console.Error).ExecuteAsync(cancellationToken).ConfigureAwait(false));
        return command;
    }
}
