using System.Buffers.Binary;
using System.IO.Compression;
using HdrHistogram;
using HdrHistogram.Encoding;
using HdrHistogram.Utilities;

namespace VmBench.Load.Internal;

/// <summary>
/// A histogram in HdrHistogram's V2 compressed form, as Java's <c>AbstractHistogram.encodeIntoCompressedByteBuffer</c>
/// writes it: the compressed cookie, the length of what follows, then the V2 encoding (the library's own
/// <see cref="HistogramEncoderV2"/>) through a finished zlib stream (RFC 1950: header, deflate, Adler-32).
/// HdrHistogram.NET 2.5.0's own compressed form leaves the deflate stream unfinished and compresses the whole
/// buffer while its header states a shorter length, which other readers reject.
/// </summary>
internal static class CompressedHistogram
{
    /// <summary>V2CompressedEncodingCookieBase (0x1c849304) with the word-size bits Java sets (0x10).</summary>
    public const int Cookie = 0x1c849314;

    public static byte[] Encode(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        var length = histogram.Encode(buffer, HistogramEncoderV2.Instance);

        // Exactly the encoded bytes, not the buffer's spare capacity (the library keeps its array to itself).
        var encoded = new byte[length];
        buffer.Position = 0;
        for (var i = 0; i < length; i++)
        {
            encoded[i] = buffer.Get();
        }

        using var output = new MemoryStream();
        Span<byte> header = stackalloc byte[8];
        output.Write(header);
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(encoded);
        }

        var bytes = output.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(bytes, Cookie);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), bytes.Length - 8);
        return bytes;
    }

    public static string Base64(HistogramBase histogram) => Convert.ToBase64String(Encode(histogram));
}
