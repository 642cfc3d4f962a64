using VmBench.Cli.Commands.Common;
using VmBench.Core.Results;
using VmBench.Reporting.Exporters;
using VmBench.Reporting.Plots;
using VmBench.Reporting.Tables;

namespace VmBench.Cli.Commands.Report;

/// <summary>The work of <c>vmbench report</c>.</summary>
public static class ReportCommand
{
    /// <returns>0 when every output was written; 1 when an exporter failed (the others still wrote theirs); 2 for an unusable run.json; 130 on Ctrl-C.</returns>
    public static async Task<int> ExecuteAsync(string run, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var outcome = await ScottPlotReports.CreateGenerator().GenerateAsync(run, cancellationToken).ConfigureAwait(false);
            var charts = outcome.Files.Count(f => f.EndsWith(".svg", StringComparison.OrdinalIgnoreCase));
            var histograms = outcome.Files.Count(f => IsHistogramLog(f) && f.EndsWith(".hlog", StringComparison.Ordinal));
            var distributions = outcome.Files.Count(f => IsHistogramLog(f) && f.EndsWith(".hgrm", StringComparison.Ordinal));
            foreach (var file in outcome.Files.Where(f => !IsChart(f) && !IsHistogramLog(f)))
            {
                await output.WriteLineAsync($"wrote {file}").ConfigureAwait(false);
            }

            if (charts > 0)
            {
                await output.WriteLineAsync($"wrote {charts} charts (SVG and PNG) into {Path.Combine(outcome.RunDirectory, "charts")}").ConfigureAwait(false);
            }

            if (histograms > 0)
            {
                await output.WriteLineAsync($"wrote {histograms} HdrHistogram logs and {distributions} percentile distributions (.hgrm) into {Path.Combine(outcome.RunDirectory, HistogramLogExporter.Folder)}").ConfigureAwait(false);
            }

            if (InterruptedRun.Note(outcome.Run) is { } interrupted)
            {
                await error.WriteLineAsync($"vmbench report: warning: {interrupted}").ConfigureAwait(false);
            }

            foreach (var failure in outcome.Failures)
            {
                await error.WriteLineAsync($"{UsageError.Prefix}the {failure.Exporter} exporter failed: {failure.Message}").ConfigureAwait(false);
            }

            if (outcome.ReportHtml is { } html)
            {
                await output.WriteLineAsync($"open {new Uri(html).AbsoluteUri}").ConfigureAwait(false);
            }

            return outcome.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        }
        catch (RunFileException ex)
        {
            return UsageError.Write(error, "report", ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
    }

    private static bool IsHistogramLog(string file) =>
        Path.GetFileName(Path.GetDirectoryName(file)) == HistogramLogExporter.Folder;

    private static bool IsChart(string file) =>
        Path.GetFileName(Path.GetDirectoryName(file)) == "charts"
        && (file.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".png", StringComparison.OrdinalIgnoreCase));
}
