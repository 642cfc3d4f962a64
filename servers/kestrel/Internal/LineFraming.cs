using System.Buffers;

namespace VmBench.Servers.Kestrel.Internal;

/// <summary>Finds where the complete lines of a buffered sequence end, and enforces the line bound.</summary>
internal static class LineFraming
{
    /// <summary>
    /// Scans <paramref name="buffer"/> for newlines, skipping its first <paramref name="partialLength"/>
    /// bytes (a partial line already searched). On return, <paramref name="linesEnd"/> is the position
    /// just past the last <c>\n</c> (null when there is none) and <paramref name="partialLength"/> the
    /// length of the partial line after it. False when a line, newline included, is longer than
    /// <paramref name="maxLineLength"/>, or the partial line can no longer end within it.
    /// </summary>
    public static bool TryFindLinesEnd(in ReadOnlySequence<byte> buffer, int maxLineLength, ref long partialLength, out SequencePosition? linesEnd)
    {
        var reader = new SequenceReader<byte>(buffer);
        reader.Advance(partialLength);
        long lineStart = 0;
        linesEnd = null;
        while (reader.TryAdvanceTo((byte)'\n'))
        {
            if (reader.Consumed - lineStart > maxLineLength)
            {
                return false;
            }

            lineStart = reader.Consumed;
            linesEnd = reader.Position;
        }

        partialLength = buffer.Length - lineStart;
        return partialLength < maxLineLength;
    }
}
