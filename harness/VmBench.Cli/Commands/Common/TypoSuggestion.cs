using System.CommandLine;
using VmBench.Core.Text;

namespace VmBench.Cli.Commands.Common;

/// <summary>The verb or option a mistyped token most likely meant: the nearest name by edit distance, when it is near enough.</summary>
public static class TypoSuggestion
{
    /// <summary>The nearest of <paramref name="command"/>'s subcommands (for a word) or options and aliases (for a token starting with '-'), or null.</summary>
    public static string? For(Command command, string token)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(token);
        var candidates = token.StartsWith('-')
            ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));
        var bare = token.TrimStart('-');
        var limit = Math.Max(1, bare.Length / 3);
        return candidates
            .Where(c => c.TrimStart('-').Length > 1)
            .Select(c => (Name: c, Distance: EditDistance.Between(bare, c.TrimStart('-'))))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }
}
