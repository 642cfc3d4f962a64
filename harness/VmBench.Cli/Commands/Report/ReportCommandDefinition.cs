using System.CommandLine;

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
        var command = new Command("report", "Regenerate every output of a run (CSV, Markdown, self-contained HTML report with charts) from its run.json")
        {
            run,
        };
        command.SetAction(async (ParseResult parseResult, CancellationToken cancellationToken) =>
            await ReportCommand.ExecuteAsync(parseResult.GetValue(run)!, Console.Out, Console.Error, cancellationToken).ConfigureAwait(false));
        return command;
    }
}
