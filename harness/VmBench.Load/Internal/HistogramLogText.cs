using HdrHistogram;

namespace VmBench.Load.Internal;

/// <summary>Writes histograms in HdrHistogram's log format (HistogramLogWriter) to a string. Values are nanoseconds.</summary>
internal static class HistogramLogText
{
    public static string Write(DateTime startUtc, params HistogramBase[] histograms)
    {
        using var stream = new MemoryStream();
        HistogramLogWriter.Write(stream, startUtc, histograms);

        // The writer picks its own text encoding (UTF-16 with a byte-order mark): let the reader detect it.
        stream.Position = 0;
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
