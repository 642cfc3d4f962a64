using System.Diagnostics;

namespace VmBench.Load.Internal;

/// <summary>Stopwatch ticks to nanoseconds (identity on Linux, where the frequency is 1 GHz).</summary>
internal static class Clock
{
    private static readonly bool s_nanosecondTicks = Stopwatch.Frequency == 1_000_000_000;
    private static readonly double s_nanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    public static long ToNanoseconds(long ticks) => s_nanosecondTicks ? ticks : (long)(ticks * s_nanosecondsPerTick);

    public static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}
