using HdrHistogram;

namespace VmBench.Load.Internal;

/// <summary>The latency histograms: nanoseconds, 3 significant digits, up to one hour (longer values are clamped when recorded).</summary>
internal static class Histograms
{
    public const long Highest = 3_600_000_000_000;
    public const int Digits = 3;

    public static LongHistogram Create() => new(Highest, Digits);

    /// <summary>Records one latency (ns), clamped into the histogram's range instead of throwing.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void Record(LongHistogram histogram, long nanoseconds) =>
        histogram.RecordValue(Math.Clamp(nanoseconds, 0, Highest));

    /// <summary>A copy of one second's histogram, which is then cleared for the next second.</summary>
    public static LongHistogram Take(LongHistogram second)
    {
        var copy = (LongHistogram)second.Copy();
        second.Reset();
        return copy;
    }
}
