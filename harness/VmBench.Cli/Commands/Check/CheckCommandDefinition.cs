using System.CommandLine;
using VmBench.Cli.Commands.Common;

namespace VmBench.Cli.Commands.Check;

/// <summary>`vmbench check`: the options and the wiring, no behaviour.</summary>
public static class CheckCommandDefinition
{
    public static readonly Argument<string> ServerId = new("server-id")
    {
        Description = "The server to check: its folder name under servers/ (see vmbench list)",
    };

    public static readonly Option<string> Servers = CommonOptions.Servers();
    public static readonly Option<string> Runtime = CommonOptions.Runtime();
    public static readonly Option<string?> DockerHost = CommonOptions.DockerHost();

    public static readonly Option<double> ReadyTimeout = NumberOptions.Single(
        "--ready-timeout", [], "Seconds the server gets to answer its first verified echo after each start", Quantities.MeasuredSeconds with { Example = "30" }, 30);

    public static Command Create()
    {
        var command = new VerbCommand(
            "check",
            "Check one server against the server contract (servers/README.md): the conformance suite's checks, a pass/fail line each; exit 0 when all pass, 1 when one fails",
            "vmbench check c-epoll",
            "vmbench check sockets --runtime docker",
            "vmbench check my-loop --runtime local --ready-timeout 60")
            .With(ServerId, Servers, Runtime, DockerHost, ReadyTimeout);
        command.SetAction(async (ParseResult parseResult, CancellationToken cancellationToken) =>
            await new CheckCommand(
                parseResult.GetValue(ServerId)!,
                parseResult.GetValue(Servers)!,
                parseResult.GetValue(Runtime)!,
                parseResult.GetValue(DockerHost),
                parseResult.GetValue(ReadyTimeout),
                Console.Out,
                Console.Error).ExecuteAsync(cancellationToken).ConfigureAwait(false));
        return command;
    }
}
