using System.CommandLine;
using System.Text.RegularExpressions;

namespace VmBench.Cli.Tests;

/// <summary>The commands and options README.md and results/README.md mention are the ones vmbench has.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed partial class DocsAgreementTests
{
    private const string VmbenchDll = "dotnet harness/VmBench.Cli/bin/Release/net10.0/vmbench.dll";

    public static TheoryData<string> Documents() => ["README.md", "results/README.md"];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_option_the_docs_mention_is_an_option_of_vmbench(string document)
    {
        var root = VmBenchCommands.Create();
        var everyOption = root.Subcommands.Prepend(root).SelectMany(Names).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var command in Commands(File.ReadAllText(Path.Combine(Repository.Root, document))))
        {
            var words = command.Replace(VmbenchDll, "vmbench", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var options = words.Select(w => w.Trim('[', ']', ',', '.')).Where(w => w.StartsWith("--", StringComparison.Ordinal)).ToArray();
            var verb = words.Length > 1 && words[0] == "vmbench" ? root.Subcommands.FirstOrDefault(c => c.Name == words[1]) : null;
            if (words[0] == "vmbench" && verb is not null)
            {
                problems.AddRange(options.Where(o => !Names(verb).Contains(o) && o != "--help").Select(o => $"`{command}`: vmbench {verb.Name} has no option {o}"));
            }
            else if (words[0].StartsWith("--", StringComparison.Ordinal))
            {
                problems.AddRange(options.Where(o => !everyOption.Contains(o)).Select(o => $"`{command}`: no vmbench verb has an option {o}"));
            }
        }

        Assert.True(problems.Count == 0, document + ":\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Every_dotnet_build_or_test_command_in_the_readme_builds_release()
    {
        var commands = Commands(File.ReadAllText(Path.Combine(Repository.Root, "README.md")))
            .Where(c => c.StartsWith("dotnet test", StringComparison.Ordinal) || c.StartsWith("dotnet build", StringComparison.Ordinal))
            .ToArray();

        Assert.NotEmpty(commands);
        Assert.All(commands, c => Assert.True(c.Contains(" -c Release", StringComparison.Ordinal), $"`{c}` builds Debug after the Release build (add -c Release)"));
    }

    private static HashSet<string> Names(Command command) =>
        command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Code spans and the lines of code blocks, each trimmed (a block line's comment cut off).</summary>
    private static IEnumerable<string> Commands(string markdown)
    {
        var inBlock = false;
        foreach (var raw in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }

            if (inBlock)
            {
                var line = raw.Split(" #")[0].Trim();
                if (line.Length > 0)
                {
                    yield return line;
                }

                continue;
            }

            foreach (Match span in CodeSpan().Matches(raw))
            {
                yield return span.Groups[1].Value.Trim();
            }
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
