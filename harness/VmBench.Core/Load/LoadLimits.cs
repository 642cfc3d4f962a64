namespace VmBench.Core.Load;

/// <summary>The thresholds that say which side limited a measurement; the load client and every report use these same ones.</summary>
public static class LoadLimits
{
    /// <summary>Client CPU utilization at or above which the client counts as saturated (client-bound).</summary>
    public const double ClientBoundUtilization = 0.9;

    /// <summary>A constant-rate plan is met when at least this fraction of the planned requests/s was achieved.</summary>
    public const double PlanMetRatio = 0.95;

    /// <summary>Whether a constant-rate <paramref name="plannedRate"/> was achieved (always true in closed loop, with no plan).</summary>
    public static bool PlanMet(double achievedRate, double? plannedRate) => plannedRate is not { } rate || achievedRate >= rate * PlanMetRatio;

    /// <summary>Whether the client's own CPU was at capacity; false when it could not tell.</summary>
    public static bool ClientSaturated(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Client is { CpuUtilization: >= ClientBoundUtilization };
    }
}
