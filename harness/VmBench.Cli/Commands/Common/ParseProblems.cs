using System.CommandLine;
using System.CommandLine.Parsing;

namespace VmBench.Cli.Commands.Common;

/// <summary>
/// Turns the parser's errors into vmbench's problems: a mistyped verb or option gets the nearest name
/// ("did you mean 'run'?"), the values after an unknown option are not reported again, and "Required
/// command was not provided" only appears when no verb was given at all.
/// </summary>
public static class ParseProblems
{
    /// <summary>The verb the errors belong to ("run"), or empty for the root command.</summary>
    public static string Verb(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.CommandResult.Command is RootCommand ? string.Empty : parse.CommandResult.Command.Name;
    }

    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        var where = command is RootCommand ? "vmbench" : "vmbench " + command.Name;
        var problems = new List<string>();
        var previousUnknownOption = false;
        foreach (var token in parse.UnmatchedTokens)
        {
            var isOption = token.StartsWith('-');
            if (!isOption && previousUnknownOption)
            {
                continue; // a value of the unknown option just reported
            }

            previousUnknownOption = isOption;
            var kind = isOption ? "unknown option" : command.Subcommands.Count > 0 ? "unknown command" : "unexpected value";
            var suggestion = TypoSuggestion.For(command, token);
            problems.Add($"{kind} '{token}' for `{where}`" + (suggestion is null ? string.Empty : $": did you mean '{suggestion}'?"));
        }

        var noVerb = command.Action is null && command.Subcommands.Count > 0;
        if (noVerb && parse.UnmatchedTokens.Count == 0)
        {
            problems.Add($"no command given: `{where}` needs one of {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}");
        }

        foreach (var error in parse.Errors)
        {
            var aboutCommand = error.SymbolResult is CommandResult or null;
            var aboutUnmatched = parse.UnmatchedTokens.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal));
            if (!(aboutCommand && (aboutUnmatched || noVerb)))
            {
                problems.Add(error.Message);
            }
        }

        return problems;
    }
}
