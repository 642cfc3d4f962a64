using VmBench.Core.Model;

namespace VmBench.Runtimes.Readiness;

/// <summary>How a server was started, for a failure message: the exact command line, the environment it was given and the address it was told to use.</summary>
/// <param name="CommandLine">The command as one line a shell would run (or, for a container, its image and arguments).</param>
/// <param name="Environment">The variables the harness set for the server (the manifest's <c>run.env</c>).</param>
public sealed record ServerCommandLine(string CommandLine, IReadOnlyDictionary<string, string> Environment, Address Address)
{
    /// <summary>Joins an argv into a line a shell would run, quoting what needs it.</summary>
    public static string Quote(IEnumerable<string> argv) => string.Join(' ', argv.Select(QuoteOne));

    /// <summary>Three indented lines: the command, the environment, the address.</summary>
    public string Describe()
    {
        var environment = Environment.Count == 0
            ? "nothing besides the harness's own"
            : string.Join(' ', Environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => QuoteOne($"{e.Key}={e.Value}")));
        return string.Join(
            System.Environment.NewLine,
            $"  started as:  {CommandLine}",
            $"  environment: {environment}",
            $"  told to listen on: {Address} (the --addr argument)");
    }

    private static string QuoteOne(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@+%[]".Contains(c, StringComparison.Ordinal))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
