using System.CommandLine;
using VmBench.Cli.Commands.Common;
using VmBench.Reporting.Statistics;

namespace VmBench.Cli.Commands.Compare;

/// <summary><c>vmbench compare BASE NEW</c>: change in requests/s and p99 per benchmark and variation, with a verdict when each run has enough trials.</summary>
public static class CompareCommandDefinition
{
    public static Command Create()
    {
        var baseline = new Argument<string>("base")
        {
            Description = "The run to compare against: a run folder or its run.json",
        };
        var candidate = new Argument<string>("new")
        {
            Description = "The run to judge: a run folder or its run.json",
        };
        var output = CommonOptions.Output("Folder to write compare.html into (default: NEW's folder)");
        var threshold = NumberOptions.Single(
            "--threshold",
            [],
            "Minimum effect: smallest relative change (percent) that counts as faster or slower",
            new NumberRule<double>("a percentage", 0, true, 100, false, "5"),
            ChangeTest.DefaultThresholdPercent);
        var command = new VerbCommand(
            "compare",
            "Compare two runs: change in requests/s and p99, faster / slower / no resolvable difference / too few trials (Mann-Whitney U equivalence test over trials)",
            "vmbench compare results/20260101-120000 results/20260102-120000",
            "vmbench compare results/20260101-120000/run.json results/20260102-120000/run.json --threshold 10",
            "vmbench compare results/20260101-120000 results/20260102-120000 --output results/compare")
            .With(baseline, candidate, output, threshold);
        command.SetAction(async (ParseResult parseResult, CancellationToken cancellationToken) =>
            await CompareCommand.ExecuteAsync(
                parseResult.GetValue(baseline)!,
                parseResult.GetValue(candidate)!,
                parseResult.GetValue(output),
                parseResult.GetValue(threshold),
                Console.Out,
                Console.Error,
                cancellationToken).ConfigureAwait(false));
        return command;
    }
}
