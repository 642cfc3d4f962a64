namespace VmBench.Reporting.Exporters;

/// <summary>An exporter that failed, and why.</summary>
public sealed record ExportFailure(string Exporter, string Message);
