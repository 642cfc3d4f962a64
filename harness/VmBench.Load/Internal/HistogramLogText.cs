using System.Globalization;
using System.Text;
using HdrHistogram;

namespace VmBench.Load.Internal;

/// <summary>
/// Interval histograms in HdrHistogram's log format (version 1.3, as Java's <c>HistogramLogWriter</c> writes it):
/// a StartTime and a BaseTime header, the legend, then one line per interval with its start relative to the base
/// time, its length (seconds), its maximum (milliseconds for our nanosecond values) and its compressed histogram.
/// Every interval starts at or after the StartTime, which Java's HistogramLogProcessor requires.
/// </summary>
internal static class HistogramLogText
{
    public const string FormatVersion = "1.3";

    /// <summary>Java's default unit ratio for the Interval_Max column: nanoseconds shown as milliseconds.</summary>
    private const double MaxValueUnitRatio = 1e6;

    /// <param name="startMs">The log's start (Unix milliseconds), at or before every interval's <see cref="HistogramBase.StartTimeStamp"/>.</param>
    /// <param name="intervals">Histograms with their start and end time stamps (Unix milliseconds) and optional tag.</param>
    public static string Write(long startMs, IEnumerable<HistogramBase> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var start = DateTimeOffset.FromUnixTimeMilliseconds(startMs);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"#[Histogram log format version {FormatVersion}]\n");
        text.Append(CultureInfo.InvariantCulture, $"#[StartTime: {startMs / 1000.0:F3} (seconds since epoch), {start.UtcDateTime:ddd MMM dd HH:mm:ss 'UTC' yyyy}]\n");
        text.Append(CultureInfo.InvariantCulture, $"#[BaseTime: {startMs / 1000.0:F3} (seconds since epoch)]\n");
        text.Append("\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"\n");
        foreach (var interval in intervals)
        {
            if (interval.StartTimeStamp < startMs || interval.EndTimeStamp < interval.StartTimeStamp)
            {
                throw new ArgumentException($"an interval ({interval.StartTimeStamp} to {interval.EndTimeStamp} ms) starts before the log ({startMs} ms) or ends before it starts", nameof(intervals));
            }

            if (interval.Tag is { Length: > 0 } tag)
            {
                text.Append("Tag=").Append(tag).Append(',');
            }

            text.Append(CultureInfo.InvariantCulture, $"{(interval.StartTimeStamp - startMs) / 1000.0:F3},{(interval.EndTimeStamp - interval.StartTimeStamp) / 1000.0:F3},{interval.GetMaxValue() / MaxValueUnitRatio:F3},");
            text.Append(CompressedHistogram.Base64(interval)).Append('\n');
        }

        return text.ToString();
    }
}
