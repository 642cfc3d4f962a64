using System.CommandLine;
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

// Ctrl-C cancels the run; the process must then live long enough to stop the server (SIGTERM, 5 s grace,
// SIGKILL) and write run.json and the reports. System.CommandLine's default would end it after 2 s.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(1) }).ConfigureAwait(false);
