namespace VmBench.Cli.Commands.Common;

/// <summary>
/// The one layout of a bad-input error, whichever verb or the parser finds it: one <c>error: ...</c> line per
/// problem, then <c>(see `vmbench VERB --help`)</c>, and exit code <see cref="ExitCodes.Usage"/>.
/// </summary>
public static class UsageError
{
    public const string Prefix = "error: ";

    /// <summary>Writes <paramref name="problems"/> (none when the caller already wrote them with <see cref="Prefix"/>) and the help hint; returns <see cref="ExitCodes.Usage"/>.</summary>
    public static int Write(TextWriter error, string verb, params IEnumerable<string> problems)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            error.WriteLine(Prefix + problem);
        }

        error.WriteLine($"(see `{HelpCommand(verb)}`)");
        return ExitCodes.Usage;
    }

    private static string HelpCommand(string verb) => string.IsNullOrEmpty(verb) ? "vmbench --help" : $"vmbench {verb} --help";
}
