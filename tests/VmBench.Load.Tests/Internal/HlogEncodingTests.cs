using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using HdrHistogram;
using VmBench.Load.Internal;

namespace VmBench.Load.Tests.Internal;

/// <summary>The compressed form against the V2 format itself: cookie, length of exactly what follows, a finished zlib stream of the V2 encoding.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class HlogEncodingTests
{
    [Fact]
    public void The_compressed_form_is_a_cookie_its_exact_length_and_a_finished_zlib_stream_of_the_V2_encoding()
    {
        var histogram = Histograms.Create();
        var random = new Random(15);
        for (var i = 0; i < 5000; i++)
        {
            Histograms.Record(histogram, (long)(20_000 * Math.Exp(random.NextDouble() * 6)));
        }

        var bytes = CompressedHistogram.Encode(histogram);

        Assert.Equal(0x1c849314, BinaryPrimitives.ReadInt32BigEndian(bytes));
        Assert.Equal(bytes.Length - 8, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4)));
        // ZLibStream checks the Adler-32 trailer, so a stream cut short or padded fails here.
        using var zlib = new ZLibStream(new MemoryStream(bytes, 8, bytes.Length - 8), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        zlib.CopyTo(plain);
        var encoded = plain.ToArray();
        Assert.Equal(0x1c849313, BinaryPrimitives.ReadInt32BigEndian(encoded));
        var payload = BinaryPrimitives.ReadInt32BigEndian(encoded.AsSpan(4));
        Assert.Equal(40 + payload, encoded.Length);
        Assert.Equal(Histograms.Digits, BinaryPrimitives.ReadInt32BigEndian(encoded.AsSpan(12)));
        Assert.Equal(Histograms.Highest, BinaryPrimitives.ReadInt64BigEndian(encoded.AsSpan(24)));
    }

    [Fact]
    public void An_empty_histogram_encodes_too()
    {
        var bytes = CompressedHistogram.Encode(Histograms.Create());

        Assert.Equal(bytes.Length - 8, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4)));
    }

    [Fact]
    public void The_log_refuses_an_interval_that_starts_before_its_start_time()
    {
        var interval = Histograms.Create();
        interval.StartTimeStamp = 999;
        interval.EndTimeStamp = 2000;

        Assert.Throws<ArgumentException>(() => HistogramLogText.Write(1000, [interval]));
    }

    [Fact]
    public void The_log_header_states_StartTime_and_BaseTime_then_intervals_relative_to_them()
    {
        var interval = Histograms.Create();
        Histograms.Record(interval, 2_500_000);
        interval.StartTimeStamp = 1_700_000_001_250;
        interval.EndTimeStamp = 1_700_000_002_250;
        interval.Tag = "corrected";

        var lines = HistogramLogText.Write(1_700_000_000_250, [interval]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("#[Histogram log format version 1.3]", lines[0]);
        Assert.StartsWith("#[StartTime: 1700000000.250 (seconds since epoch), ", lines[1], StringComparison.Ordinal);
        Assert.Equal("#[BaseTime: 1700000000.250 (seconds since epoch)]", lines[2]);
        Assert.Equal("\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"", lines[3]);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"Tag=corrected,1.000,1.000,{interval.GetMaxValue() / 1e6:F3},"), lines[4], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
    }
}
