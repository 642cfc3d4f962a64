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
}
