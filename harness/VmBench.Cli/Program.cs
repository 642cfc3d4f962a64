using System.CommandLine;
using System.Globalization;
using VmBench.Cli;
using VmBench.Cli.Commands.Common;

// vmbench speaks English: the parser's own messages too, whatever the machine's language.
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

var parse = VmBenchCommands.Create().Parse(args);
if (parse.Errors.Count > 0)
{
    return UsageError.Write(Console.Error, ParseProblems.Verb(parse), ParseProblems.Describe(parse));
}

// Ctrl-C cancels the run; the process must then live long enough to stop the server (SIGTERM, 5 s grace,
// SIGKILL) and write run.json and the reports. System.CommandLine's default would end it after 2 s.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(1) }).ConfigureAwait(false);
