using VmBench.Core.Results;
using VmBench.Reporting.Charts;
using VmBench.Reporting.Exporters;

namespace VmBench.Reporting;

/// <summary>
/// Writes every output of a run (results.csv, results.md, report.html and charts/) from its run.json alone:
/// used by <c>vmbench report</c> and at the end of every <c>vmbench run</c>, also a failed or cancelled one.
/// The files written are listed in the folder's <see cref="RunFolder.ManifestName"/>; those of an earlier report
/// that were not written again are removed, and nothing else in the folder is.
/// </summary>
public sealed class ReportGenerator
{
    private readonly CompositeExporter _exporters;

    public ReportGenerator(IEnumerable<IResultExporter> exporters)
    {
        _exporters = new CompositeExporter(exporters);
    }

    /// <summary>The default exporters, with charts drawn by <paramref name="charts"/> (null: no charts).</summary>
    public static ReportGenerator Create(IChartRenderer? charts) => new(DefaultExporters.Create(charts));

    public IReadOnlyList<IResultExporter> Exporters => _exporters.Exporters;

    /// <summary>Reads <paramref name="runDirectoryOrJson"/> (a run folder or its run.json) and writes every output beside it.</summary>
    /// <exception cref="RunFileException">run.json is missing, truncated, corrupt or not VmBench's; the message says which.</exception>
    public Task<ReportOutcome> GenerateAsync(string runDirectoryOrJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runDirectoryOrJson);
        var run = RunJson.Read(runDirectoryOrJson);
        var directory = Directory.Exists(runDirectoryOrJson)
            ? Path.GetFullPath(runDirectoryOrJson)
            : Path.GetDirectoryName(Path.GetFullPath(runDirectoryOrJson))!;
        return GenerateAsync(run, directory, cancellationToken);
    }

    /// <summary>Writes every output for <paramref name="run"/> into <paramref name="runDirectory"/>; an exporter that fails is listed in the outcome, the others still run.</summary>
    public async Task<ReportOutcome> GenerateAsync(RunResult run, string runDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(runDirectory);
        var outcome = await _exporters.RunAsync(run, runDirectory, cancellationToken).ConfigureAwait(false);
        var failures = outcome.Failures.ToList();
        try
        {
            // The files of an earlier report that this one did not write again (stale charts): only vmbench's own.
            // After a failure the earlier files stay listed: an exporter that could not write keeps its last good output.
            if (outcome.Succeeded)
            {
                RunFolder.Replace(runDirectory, outcome.Files);
            }
            else
            {
                RunFolder.Record(runDirectory, RunFolder.Generated(runDirectory).Concat(outcome.Files));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failures.Add(new ExportFailure("generated-file list", ex.Message));
        }

        return new ReportOutcome(run, runDirectory, outcome.Files, failures);
    }
}
