using System.CommandLine;
using System.Text.RegularExpressions;

namespace VmBench.Cli.Tests.Commands.Common;

/// <summary>Every --help ends with examples that parse as written, and shows defaults as they are typed.</summary>
[Trait(Tier.Key, Tier.Process)]
public sealed class HelpTests
{
    public static TheoryData<string> Verbs()
    {
        var data = new TheoryData<string>();
        foreach (var verb in VmBenchCommands.Create().Subcommands)
        {
            data.Add(verb.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Every_verbs_help_ends_with_two_or_three_examples_that_parse(string verb)
    {
        var (exit, stdout, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), verb, "--help");

        Assert.True(exit == 0, stderr);
        var lines = stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd()).ToArray();
        var heading = Array.LastIndexOf(lines, "Examples:");
        Assert.True(heading > 0, "no Examples section:\n" + stdout);
        var examples = lines[(heading + 1)..];
        Assert.InRange(examples.Length, 2, 3);
        foreach (var example in examples)
        {
            Assert.StartsWith($"  vmbench {verb} ", example + " ", StringComparison.Ordinal);
            var parse = VmBenchCommands.Create().Parse(ShellWords(example.Trim())[1..]);
            Assert.True(parse.Errors.Count == 0, $"{example}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
            Assert.Equal(verb, parse.CommandResult.Command.Name);
        }
    }

    [Fact]
    public async Task The_root_help_ends_with_examples_too()
    {
        var (_, stdout, _) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "--help");

        Assert.Contains("Examples:\n  vmbench list\n", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Defaults_of_several_values_print_as_they_are_typed(string verb)
    {
        var (_, stdout, _) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), verb, "--help");

        Assert.DoesNotMatch(@"\[default:[^\]]*\|", stdout);
        if (verb == "run")
        {
            Assert.Contains("[default: 1024 10240 102400]", stdout, StringComparison.Ordinal);
        }
    }

    /// <summary>Splits a command line as a POSIX shell does for the quoting the examples use (single quotes).</summary>
    private static string[] ShellWords(string line) =>
        Regex.Matches(line, @"'([^']*)'|(\S+)").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToArray();
}
