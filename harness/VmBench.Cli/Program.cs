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

return await parse.InvokeAsync().ConfigureAwait(false);
