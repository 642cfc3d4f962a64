using HdrHistogram;

namespace VmBench.Load.Internal;

/// <summary>The loops' timelines side by side: second <c>i</c> of the job is the sum of every loop's second <c>i</c>.</summary>
internal static class LoopSeconds
{
    public static int Count(IReadOnlyList<ILoadLoop> loops) => loops.Max(l => l.Seconds.Count);

    /// <summary>Adds second <paramref name="index"/> of every loop that has it (the histogram <paramref name="pick"/> chooses) into <paramref name="into"/>.</summary>
    /// <returns>The span the loops' shares cover (Stopwatch ticks); Start is long.MaxValue when no loop has that second.</returns>
    public static (long Start, long End) Add(IReadOnlyList<ILoadLoop> loops, int index, Func<SecondSample, HistogramBase?> pick, HistogramBase into)
    {
        long start = long.MaxValue, end = 0;
        foreach (var loop in loops)
        {
            if (index >= loop.Seconds.Count)
            {
                continue;
            }

            var part = loop.Seconds[index];
            start = Math.Min(start, part.Start);
            end = Math.Max(end, part.End);
            if (pick(part) is { } histogram)
            {
                into.Add(histogram);
            }
        }

        return (start, end);
    }

    /// <summary>How many of second <paramref name="index"/>'s latencies are requests outstanding at the end rather than completions.</summary>
    public static long Outstanding(IReadOnlyList<ILoadLoop> loops, int index) =>
        loops.Sum(l => index < l.Seconds.Count ? l.Seconds[index].Outstanding : 0);
}
