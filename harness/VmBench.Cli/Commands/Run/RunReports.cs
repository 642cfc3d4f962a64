using VmBench.Cli.Commands.Report;

namespace VmBench.Cli.Commands.Run;

/// <summary>Writes every report of a run folder from its run.json, at the end of a run (also a failed or cancelled one).</summary>
public static class RunReports
{
    /// <summary>Never cancelled: a run stopped with Ctrl-C still gets the report of what it finished.</summary>
    public static Task<int> WriteAsync(string runDirectory, TextWriter output, TextWriter errors) =>
        ReportCommand.ExecuteAsync(runDirectory, output, errors, CancellationToken.None);
}
