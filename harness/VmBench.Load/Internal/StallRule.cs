using System.Diagnostics;
using System.Globalization;

namespace VmBench.Load.Internal;

/// <summary>
/// When an unanswered request is a stall, and when a stall fails the measurement. A request still outstanding
/// at the end for <see cref="StallSeconds"/> or more is stalled: counted as an error (a timeout). One unanswered
/// for at least <see cref="FailFraction"/> of the measured time fails the job: its figures would describe a
/// server that, on that connection, did not answer for most of it.
/// </summary>
internal static class StallRule
{
    public const double StallSeconds = 1.0;
    public const double FailFraction = 0.5;

    private static readonly long s_stallTicks = (long)(Stopwatch.Frequency * StallSeconds);

    public static bool IsStalled(long ageTicks) => ageTicks >= s_stallTicks;

    /// <summary>The failure for the oldest outstanding request across <paramref name="loops"/>, or null when none stalled that long.</summary>
    public static string? Failure(IEnumerable<OutstandingRequests> loops, double measuredSeconds)
    {
        var oldest = loops.MaxBy(o => o.OldestAge);
        if (oldest is null || !IsStalled(oldest.OldestAge))
        {
            return null;
        }

        var age = Clock.Seconds(oldest.OldestAge);
        var measured = Math.Min(age, measuredSeconds);
        return measured < measuredSeconds * FailFraction
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"connection {oldest.OldestConnection} made no progress for the last {measured:0.00} s of the {measuredSeconds:0.0#} s measurement (request {oldest.OldestRequest} unanswered for {age:0.00} s): the server stalled on it");
    }
}
