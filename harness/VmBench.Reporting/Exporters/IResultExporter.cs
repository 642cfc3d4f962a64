using VmBench.Core.Results;

namespace VmBench.Reporting.Exporters;

/// <summary>Writes one kind of output for a run (as BenchmarkDotNet's IExporter does for a summary).</summary>
public interface IResultExporter
{
    /// <summary>Short name for messages: "csv", "markdown", "html".</summary>
    string Name { get; }

    /// <summary>Writes the output into <paramref name="runDirectory"/> and returns the full paths of the files written.</summary>
    Task<IReadOnlyList<string>> ExportAsync(RunResult run, string runDirectory, CancellationToken cancellationToken);
}
