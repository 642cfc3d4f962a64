using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text.RegularExpressions;

namespace VmBench.Cli.Commands.Common;

/// <summary>
/// System.CommandLine's help, with list defaults written as they are typed (<c>[default: 1024 10240 102400]</c>,
/// not <c>1024|10240|102400</c>) and an Examples section at the end.
/// </summary>
public sealed partial class ExamplesHelpAction : SynchronousCommandLineAction
{
    private readonly HelpAction _help;
    private readonly IReadOnlyList<string> _rootExamples;

    public ExamplesHelpAction(HelpAction help, IReadOnlyList<string> rootExamples)
    {
        _help = help;
        _rootExamples = rootExamples;
    }

    public override bool ClearsParseErrors => true;

    /// <summary>Replaces the help option's action of <paramref name="root"/> (it applies to every verb).</summary>
    public static void Install(RootCommand root, IReadOnlyList<string> rootExamples)
    {
        ArgumentNullException.ThrowIfNull(root);
        var option = root.Options.OfType<HelpOption>().Single();
        option.Action = new ExamplesHelpAction((HelpAction)option.Action!, rootExamples);
    }

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var configuration = parseResult.InvocationConfiguration;
        var output = configuration.Output;
        using var captured = new StringWriter();
        configuration.Output = captured;
        try
        {
            _help.Invoke(parseResult);
        }
        finally
        {
            configuration.Output = output;
        }

        output.Write(ListDefault().Replace(captured.ToString().TrimEnd(), m => m.Groups[1].Value + m.Groups[2].Value.Replace('|', ' ') + "]"));
        output.WriteLine();
        var examples = parseResult.CommandResult.Command is VerbCommand verb ? verb.Examples : _rootExamples;
        if (examples.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Examples:");
            foreach (var example in examples)
            {
                output.WriteLine("  " + example);
            }
        }

        output.WriteLine();
        return 0;
    }

    /// <summary>A default of several values, which the built-in help joins with '|'.</summary>
    [GeneratedRegex(@"(\[default:\s+)([^\]\s|]+(?:\|[^\]\s|]+)+)\]")]
    private static partial Regex ListDefault();
}
