using VmBench.Core.Results;

namespace VmBench.Reporting.Exporters;

/// <summary>An exporter of one text file rendered whole from the run (results.csv, results.md), written atomically into the run folder.</summary>
public abstract class TextFileExporter(string name, string fileName, Func<RunResult, string> render) : IResultExporter
{
    public string Name => name;

    public async Task<IReadOnlyList<string>> ExportAsync(RunResult run, string runDirectory, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(runDirectory, fileName));
        Directory.CreateDirectory(runDirectory);
        await AtomicFile.WriteAllTextAsync(path, render(run), cancellationToken).ConfigureAwait(false);
        return [path];
    }
}
