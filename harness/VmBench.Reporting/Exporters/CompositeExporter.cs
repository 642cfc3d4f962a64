using VmBench.Core.Results;

namespace VmBench.Reporting.Exporters;

/// <summary>Runs several exporters in order; one that fails is recorded and never stops the others. Cancellation does stop them.</summary>
public sealed class CompositeExporter : IResultExporter
{
    private readonly IReadOnlyList<IResultExporter> _exporters;

    public CompositeExporter(IEnumerable<IResultExporter> exporters)
    {
        ArgumentNullException.ThrowIfNull(exporters);
        _exporters = exporters.ToList();
    }

    public string Name => "composite";

    public IReadOnlyList<IResultExporter> Exporters => _exporters;

    public async Task<IReadOnlyList<string>> ExportAsync(RunResult run, string runDirectory, CancellationToken cancellationToken) =>
        (await RunAsync(run, runDirectory, cancellationToken).ConfigureAwait(false)).Files;

    public async Task<ExportOutcome> RunAsync(RunResult run, string runDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(runDirectory);
        var files = new List<string>();
        var failures = new List<ExportFailure>();
        foreach (var exporter in _exporters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                files.AddRange(await exporter.ExportAsync(run, runDirectory, cancellationToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // An exporter is a plug-in: whatever it throws is reported, and the other exporters still run.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add(new ExportFailure(exporter.Name, $"{ex.GetType().Name}: {ex.Message}"));
            }
        }

        return new ExportOutcome(files, failures);
    }
}
