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

    /// <summary>
    /// Records one answer as of <paramref name="now"/> (Stopwatch ticks): its latency from the actual send in
    /// <paramref name="latency"/>; closed loop (<paramref name="corrected"/> null) also in <paramref name="second"/>; at
    /// constant rate the latency from the intended send in <paramref name="corrected"/> and <paramref name="second"/>,
    /// the actual one in <paramref name="secondUncorrected"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void RecordAnswer(LongHistogram latency, LongHistogram? corrected, LongHistogram second, LongHistogram? secondUncorrected, long sentAt, long intendedAt, long now)
    {
        var actual = Clock.ToNanoseconds(now - sentAt);
        Record(latency, actual);
        if (corrected is not null)
        {
            var fromIntended = Clock.ToNanoseconds(now - intendedAt);
            Record(corrected, fromIntended);
            Record(second, fromIntended);
            Record(secondUncorrected!, actual);
        }
        else
        {
            Record(second, actual);
        }
    }

    /// <summary>A copy of one second's histogram, which is then cleared for the next second.</summary>
    public static LongHistogram Take(LongHistogram second)
    {
        var copy = (LongHistogram)second.Copy();
        second.Reset();
        return copy;
    }
}
