using System.Globalization;
using System.Text;
using HdrHistogram;

namespace VmBench.Reporting.Exporters;

/// <summary>
/// The .hgrm text of an HdrHistogram log, as wrk2 prints it: the log's intervals added up (one distribution per
/// tag), printed by HdrHistogram's <c>outputPercentileDistribution</c> in milliseconds with 5 percentile ticks per
/// half distance: Value, Percentile, TotalCount, 1/(1-Percentile), then the Mean/StdDeviation, Max/Total count
/// and Buckets/SubBuckets footer.
/// </summary>
internal static class PercentileDistribution
{
    public const int TicksPerHalfDistance = 5;

    /// <summary>The logs hold nanoseconds; the distribution shows milliseconds.</summary>
    public const double NanosecondsPerMillisecond = 1e6;

    /// <summary>One distribution per tag of <paramref name="log"/> (null for untagged intervals), in the order the tags first appear.</summary>
    public static IReadOnlyList<(string? Tag, string Text)> FromLog(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var sums = new List<HistogramBase>();
        foreach (var interval in Intervals(log))
        {
            if (sums.Find(s => s.Tag == interval.Tag) is { } sum)
            {
                sum.Add(interval);
            }
            else
            {
                sums.Add(interval);
            }
        }

        return sums.Select(s => (string.IsNullOrEmpty(s.Tag) ? null : s.Tag, Text(s))).ToList();
    }

    public static string Text(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        histogram.OutputPercentileDistribution(writer, TicksPerHalfDistance, NanosecondsPerMillisecond);
        return writer.ToString();
    }

    /// <summary>HdrHistogram.NET's reader parses numbers in the current culture: read in the invariant one, as the log was written.</summary>
    private static List<HistogramBase> Intervals(string log)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(log));
            using var reader = new HistogramLogReader(stream);
            return reader.ReadHistograms().ToList();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
