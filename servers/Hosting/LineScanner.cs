namespace VmBench.Servers.Hosting;

/// <summary>The readline rule every .NET server shares: echo up to the last complete line, keep the rest, bound the rest.</summary>
public static class LineScanner
{
    /// <summary>
    /// Given the bytes buffered for a connection, returns how many of them form complete lines
    /// (everything up to and including the last <c>\n</c>), or 0 when no line is complete.
    /// </summary>
    public static int CompleteLength(ReadOnlySpan<byte> buffered)
    {
        var last = buffered.LastIndexOf((byte)'\n');
        return last + 1;
    }

    /// <summary>
    /// True when every line ending in <paramref name="lines"/> is at most <paramref name="maxLineLength"/> bytes,
    /// newline included; the first continues the <paramref name="carried"/> bytes of a partial line kept from earlier
    /// reads. For a server whose reads are not bounded by the line bound (a line may arrive whole in one read).
    /// </summary>
    public static bool LinesFit(ReadOnlySpan<byte> lines, int carried, int maxLineLength)
    {
        if (carried + lines.Length <= maxLineLength)
        {
            return true;
        }

        var lineStart = -carried;
        var offset = 0;
        int newline;
        while ((newline = lines[offset..].IndexOf((byte)'\n')) >= 0)
        {
            offset += newline + 1;
            if (offset - lineStart > maxLineLength)
            {
                return false;
            }

            lineStart = offset;
        }

        return true;
    }
}
