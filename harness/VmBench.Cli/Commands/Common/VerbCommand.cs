using System.CommandLine;

namespace VmBench.Cli.Commands.Common;

/// <summary>A vmbench verb: a command whose <c>--help</c> ends with a few real examples.</summary>
public sealed class VerbCommand : Command
{
    public VerbCommand(string name, string description, params IReadOnlyList<string> examples)
        : base(name, description)
    {
        Examples = examples;
    }

    /// <summary>Command lines that work as written (from the repository root), each starting with "vmbench".</summary>
    public IReadOnlyList<string> Examples { get; }

    /// <summary>Adds the verb's arguments and options, in the order its help lists them.</summary>
    public VerbCommand With(params IEnumerable<Symbol> symbols)
    {
        foreach (var symbol in symbols)
        {
            if (symbol is Argument argument)
            {
                Arguments.Add(argument);
            }
            else
            {
                Options.Add((Option)symbol);
            }
        }

        return this;
    }
}
