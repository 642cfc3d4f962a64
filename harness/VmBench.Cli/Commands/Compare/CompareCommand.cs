using System.Text;
using VmBench.Cli.Commands.Common;
using VmBench.Core.Results;
using VmBench.Reporting.Compare;
using VmBench.Reporting.Statistics;

namespace VmBench.Cli.Commands.Compare;

/// <summary>The work of <c>vmbench compare</c>.</summary>
public static class CompareCommand
{
    private const string Verb = "compare";

    /// <returns>0 when the comparison was printed and written (whatever it found); 2 for unreadable input or bad options; 130 on Ctrl-C.</returns>
    public static async Task<int> ExecuteAsync(string baseRun, string newRun, string? outputFolder, double thresholdPercent, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseRun);
        ArgumentNullException.ThrowIfNull(newRun);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        RunResult baseline;
        RunResult candidate;
        try
        {
            baseline = RunJson.Read(baseRun);
            candidate = RunJson.Read(newRun);
        }
        catch (RunFileException ex)
        {
            return UsageError.Write(error, Verb, ex.Message);
        }

        var comparison = RunComparer.Compare(baseline, candidate, new ChangeTest(thresholdPercent));
        await output.WriteAsync(ComparisonTable.Render(comparison)).ConfigureAwait(false);
        var folder = outputFolder ?? (Directory.Exists(newRun) ? newRun : Path.GetDirectoryName(Path.GetFullPath(newRun))!);
        var path = Path.GetFullPath(Path.Combine(folder, CompareHtmlBuilder.FileName));
        try
        {
            Directory.CreateDirectory(folder);
            var html = CompareHtmlBuilder.Build(comparison, baseRun, newRun);
            await AtomicFile.WriteAllTextAsync(path, html, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return UsageError.Write(error, Verb, $"cannot write {path}: {ex.Message} (pass --output with a writable folder)");
        }

        await output.WriteLineAsync($"\nwrote {path}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
