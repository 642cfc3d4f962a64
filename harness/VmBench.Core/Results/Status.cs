namespace VmBench.Core.Results;

/// <summary>Outcome of a benchmark or a variation.</summary>
public enum Status
{
    Ok,
    Failed,
    Skipped,
    Cancelled,
}
