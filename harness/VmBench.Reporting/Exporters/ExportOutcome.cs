namespace VmBench.Reporting.Exporters;

/// <summary>What a set of exporters wrote, and which of them failed.</summary>
public sealed record ExportOutcome(IReadOnlyList<string> Files, IReadOnlyList<ExportFailure> Failures)
{
    public bool Succeeded => Failures.Count == 0;
}
