namespace VmBench.Cli.Commands.Run;

/// <summary>Writes every report of a run folder from its run.json, at the end of a run (also a failed or cancelled one).</summary>
public static class RunReports
{
    public static async Task WriteAsync(string runDirectory, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync($"results: {Path.Combine(runDirectory, "run.json")}").ConfigureAwait(false);
    }
}
