using HdrHistogram;

namespace VmBench.Load.Internal;

/// <summary>
/// The interval histograms of a job's log: one per second of the measurement (the last one as long as it lasted),
/// each the loops' shares added up, time-stamped in Unix milliseconds from the measurement's start. At constant
/// rate every second has two, tagged <see cref="CorrectedTag"/> and <see cref="UncorrectedTag"/>. Built one at a
/// time as the log is written, so only one interval is held beside the loops' seconds.
/// </summary>
internal static class SecondIntervals
{
    public const string CorrectedTag = "corrected";
    public const string UncorrectedTag = "uncorrected";

    /// <param name="measureStart">The measurement's start (Stopwatch ticks), which is <paramref name="startMs"/> (Unix milliseconds).</param>
    public static IEnumerable<HistogramBase> Build(IReadOnlyList<ILoadLoop> loops, long measureStart, long startMs, bool constantRate)
    {
        var count = LoopSeconds.Count(loops);
        for (var i = 0; i < count; i++)
        {
            if (constantRate)
            {
                if (Interval(loops, i, s => s.Histogram, CorrectedTag, measureStart, startMs) is { } corrected)
                {
                    yield return corrected;
                }

                if (Interval(loops, i, s => s.Uncorrected, UncorrectedTag, measureStart, startMs) is { } uncorrected)
                {
                    yield return uncorrected;
                }
            }
            else if (Interval(loops, i, s => s.Histogram, null, measureStart, startMs) is { } interval)
            {
                yield return interval;
            }
        }
    }

    /// <summary>Second <paramref name="index"/> of the loops added up, or null when it lasted no time.</summary>
    private static HistogramBase? Interval(IReadOnlyList<ILoadLoop> loops, int index, Func<SecondSample, HistogramBase?> pick, string? tag, long measureStart, long startMs)
    {
        var interval = Histograms.Create();
        var (start, end) = LoopSeconds.Add(loops, index, pick, interval);
        if (start == long.MaxValue || end <= start)
        {
            return null;
        }

        interval.Tag = tag;
        interval.StartTimeStamp = startMs + Milliseconds(start - measureStart);
        interval.EndTimeStamp = startMs + Milliseconds(end - measureStart);
        return interval;
    }

    private static long Milliseconds(long ticks) => Math.Max(0, (long)Math.Round(Clock.Seconds(ticks) * 1000));
}
