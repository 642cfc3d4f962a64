namespace VmBench.Core.Results;

/// <summary>Where a run stands: run.json is rewritten after every variation, so it may be read mid-run.</summary>
public enum RunStatus
{
    Running,
    Completed,
    Failed,
    Cancelled,
}
