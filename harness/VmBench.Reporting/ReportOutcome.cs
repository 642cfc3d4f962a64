using VmBench.Core.Results;
using VmBench.Reporting.Exporters;

namespace VmBench.Reporting;

/// <summary>What <see cref="ReportGenerator"/> wrote for a run, and which exporters failed (with their message).</summary>
public sealed record ReportOutcome(RunResult Run, string RunDirectory, IReadOnlyList<string> Files, IReadOnlyList<ExportFailure> Failures)
{
    public bool Succeeded => Failures.Count == 0;

    /// <summary>The report page, when it was written.</summary>
    public string? ReportHtml => Files.FirstOrDefault(f => Path.GetFileName(f) == HtmlExporter.FileName);
}
