using VmBench.Core.Results;

namespace VmBench.Reporting.Tables;

/// <summary>Statuses as the tables print them.</summary>
internal static class StatusText
{
    public static string Of(Status status) => status switch
    {
        Status.Ok => "ok",
        Status.Failed => "failed",
        Status.Skipped => "skipped",
        Status.Cancelled => "cancelled",
        Status.Running => "unfinished",
        _ => status.ToString().ToLowerInvariant(),
    };
}
