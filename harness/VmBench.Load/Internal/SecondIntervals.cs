using HdrHistogram;

namespace VmBench.Load.Internal;

/// <summary>
/// The interval histograms of a job's log: one per second of the measurement (the last one as long as it lasted),
/// each the loops' shares added up, time-stamped in Unix milliseconds from the measurement's start. At constant
/// rate every second has two, tagged <see cref="CorrectedTag"/> and <see cref="UncorrectedTag"/>.
/// </summary>
internal static class SecondIntervals
{
    public const string CorrectedTag = "corrected";
    public const string UncorrectedTag = "uncorrected";

    /// <param name="measureStart">The measurement's start (Stopwatch ticks), which is <paramref name="startMs"/> (Unix milliseconds).</param>
    public static List<HistogramBase> Build(IReadOnlyList<EventLoop> loops, long measureStart, long startMs, bool constantRate)
    {
        var intervals = new List<HistogramBase>();
        var count = LoopSeconds.Count(loops);
        for (var i = 0; i < count; i++)
        {
            if (constantRate)
            {
                Add(intervals, loops, i, s => s.Histogram, CorrectedTag, measureStart, startMs);
                Add(intervals, loops, i, s => s.Uncorrected, UncorrectedTag, measureStart, startMs);
            }
            else
            {
                Add(intervals, loops, i, s => s.Histogram, null, measureStart, startMs);
            }
        }

        return intervals;
    }

    private static void Add(List<HistogramBase> intervals, IReadOnlyList<EventLoop> loops, int index, Func<SecondSample, HistogramBase?> pick, string? tag, long measureStart, long startMs)
    {
        var interval = Histograms.Create();
        var (start, end) = LoopSeconds.Add(loops, index, pick, interval);
        if (start == long.MaxValue || end <= start)
        {
            return;
        }

        interval.Tag = tag;
        interval.StartTimeStamp = startMs + Milliseconds(start - measureStart);
        interval.EndTimeStamp = startMs + Milliseconds(end - measureStart);
        intervals.Add(interval);
    }

    private static long Milliseconds(long ticks) => Math.Max(0, (long)Math.Round(Clock.Seconds(ticks) * 1000));
}
