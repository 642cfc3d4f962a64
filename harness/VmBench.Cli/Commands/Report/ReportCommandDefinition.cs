using System.CommandLine;
using VmBench.Cli.Commands.Common;

namespace VmBench.Cli.Commands.Report;

/// <summary><c>vmbench report RUN</c>: regenerates results.csv, results.md, report.html and charts/ from a run's run.json alone.</summary>
public static class ReportCommandDefinition
{
    public static Command Create()
    {
        var run = new Argument<string>("run")
        {
            Description = "A run folder (results/<stamp>) or its run.json",
        };
        var command = new VerbCommand(
            "report",
            "Regenerate every output of a run (CSV, Markdown, self-contained HTML report with charts) from its run.json",
            "vmbench report results/20260101-120000",
            "vmbench report results/20260101-120000/run.json")
            .With(run);
        command.SetAction(async (ParseResult parseResult, CancellationToken cancellationToken) =>
            await ReportCommand.ExecuteAsync(parseResult.GetValue(run)!, Console.Out, Console.Error, cancellationToken).ConfigureAwait(false));
        return command;
    }
}
