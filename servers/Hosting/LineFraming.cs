using System.Buffers;

namespace VmBench.Servers.Hosting;

/// <summary>The readline rule over a buffered <see cref="ReadOnlySequence{T}"/> (pipes): where the complete lines end, and the line bound.</summary>
public static class LineFraming
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
