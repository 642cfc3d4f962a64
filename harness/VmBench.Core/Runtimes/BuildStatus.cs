namespace VmBench.Core.Runtimes;

public enum BuildStatus
{
    Built,
    UpToDate,
    Skipped,
    Failed,
}
