using VmBench.Cli;
using VmBench.Cli.Commands.Common;

var parse = VmBenchCommands.Create().Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
    }

    var command = parse.CommandResult.Command is System.CommandLine.RootCommand ? "vmbench" : "vmbench " + parse.CommandResult.Command.Name;
    await Console.Error.WriteLineAsync($"(see `{command} --help`)").ConfigureAwait(false);
    return ExitCodes.Usage;
}

return await parse.InvokeAsync().ConfigureAwait(false);
