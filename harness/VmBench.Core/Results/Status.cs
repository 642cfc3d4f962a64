namespace VmBench.Core.Results;

/// <summary>Outcome of a benchmark or a variation.</summary>
public enum Status
{
    Ok,
    Failed,
    Skipped,
    Cancelled,

    /// <summary>Not finished: written while the run was still measuring it. A run.json whose run says <c>running</c> was left by a run that is still going or was killed (kill -9, a crash, a power cut).</summary>
    Running,
}
