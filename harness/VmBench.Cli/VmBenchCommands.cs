using System.CommandLine;
using VmBench.Cli.Commands.Common;
using VmBench.Cli.Commands.List;
using VmBench.Cli.Commands.Run;

namespace VmBench.Cli;

/// <summary>The root command: one line per verb, each verb in its own folder under Commands/.</summary>
public static class VmBenchCommands
{
    public static RootCommand Create()
    {
        var root = new RootCommand("VmBench: echo servers on different event loops, measured and compared.");
        root.Subcommands.Add(RunCommandDefinition.Create());
        root.Subcommands.Add(ListCommandDefinition.Create());
        root.Subcommands.Add(Commands.Build.BuildCommandDefinition.Create());
        root.Subcommands.Add(Commands.Check.CheckCommandDefinition.Create());
        root.Subcommands.Add(Commands.NewServer.NewServerCommandDefinition.Create());
        root.Subcommands.Add(Commands.Load.LoadCommandDefinition.Create());
        root.Subcommands.Add(Commands.Micro.MicroCommandDefinition.Create());
        root.Subcommands.Add(Commands.Report.ReportCommandDefinition.Create());
        root.Subcommands.Add(Commands.Compare.CompareCommandDefinition.Create());
        ExamplesHelpAction.Install(root, ["vmbench list", "vmbench run --benchmarks tcpecho-sockets --trials 3 --duration 1", "vmbench run --help"]);
        return root;
    }
}
