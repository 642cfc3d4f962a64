using HdrHistogram;
using VmBench.Core.Load;

namespace VmBench.Load.Internal;

/// <summary>Reads a <see cref="LatencySummary"/> (milliseconds) off a nanosecond histogram.</summary>
internal static class LatencySummaries
{
    private const double NanosecondsPerMillisecond = 1e6;

    /// <summary>The spectrum's percentiles: enough points for a percentile plot, far fewer than 60.</summary>
    private static readonly double[] s_spectrum = [0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99, 99.995, 99.999, 100];

    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, []);

    public static LatencySummary From(HistogramBase histogram)
    {
        var count = histogram.TotalCount;
        if (count == 0)
        {
            return Empty;
        }

        var mean = histogram.GetMean() / NanosecondsPerMillisecond;
        var stdDev = histogram.GetStdDeviation() / NanosecondsPerMillisecond;
        var spectrum = new PercentilePoint[s_spectrum.Length];
        for (var i = 0; i < s_spectrum.Length; i++)
        {
            spectrum[i] = new PercentilePoint(s_spectrum[i], At(histogram, s_spectrum[i]));
        }

        return new LatencySummary(
            count,
            Ms(histogram.LowestEquivalentValue(histogram.GetValueAtPercentile(0))),
            mean,
            Ms(histogram.GetMaxValue()),
            stdDev,
            mean > 0 ? stdDev / mean : 0,
            At(histogram, 25),
            At(histogram, 50),
            At(histogram, 75),
            At(histogram, 90),
            At(histogram, 99),
            At(histogram, 99.9),
            At(histogram, 99.99),
            spectrum);
    }

    public static double At(HistogramBase histogram, double percentile) => percentile switch
    {
        <= 0 => Ms(histogram.LowestEquivalentValue(histogram.GetValueAtPercentile(0))),
        >= 100 => Ms(histogram.GetMaxValue()),
        _ => Ms(histogram.GetValueAtPercentile(percentile)),
    };

    private static double Ms(long nanoseconds) => nanoseconds / NanosecondsPerMillisecond;
}
