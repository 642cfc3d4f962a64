using HdrHistogram;

namespace VmBench.Load.Tests;

/// <summary>
/// The value hdr-histogram-js reports at a percentile, read off a .NET histogram. The two libraries round the
/// count at a percentile differently (JavaScript: up, past one ulp of error, as Java does; HdrHistogram.NET 2.5.0: to
/// the nearest), so the same count is asked of the .NET histogram through a percentile a quarter count below it.
/// </summary>
internal static class JsPercentile
{
    public static long ValueAt(HistogramBase histogram, double percentile)
    {
        var total = histogram.TotalCount;
        var fp = Math.Min(percentile, 100) / 100.0 * total;
        var ulp = fp > 0 ? Math.Pow(2, Math.Floor(Math.Log2(fp)) - 52) : 0;
        var count = Math.Max((long)Math.Ceiling(fp - ulp), 1);
        return histogram.GetValueAtPercentile(100.0 * (count - 0.25) / total);
    }
}
