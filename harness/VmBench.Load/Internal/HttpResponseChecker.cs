using System.Buffers.Text;
using System.Text;

namespace VmBench.Load.Internal;

/// <summary>Checks one HTTP/1.1 response against the servers' contract: status 200, a Content-Length, keep-alive, body "Hello, World!".</summary>
internal static class HttpResponseChecker
{
    public const string Body = "Hello, World!";

    private const int MaxShown = 60;

    public enum Outcome
    {
        Incomplete,
        Complete,
        Invalid,
    }

    public static ReadOnlySpan<byte> ExpectedBody => "Hello, World!"u8;

    /// <summary>Looks at the bytes received so far: a whole valid response (its <paramref name="length"/>), not yet whole, or invalid (<paramref name="error"/>).</summary>
    public static Outcome Check(ReadOnlySpan<byte> data, out int length, out string? error)
    {
        length = 0;
        error = null;
        var firstLine = data.IndexOf("\r\n"u8);
        if (firstLine < 0)
        {
            if (data.Length >= 12 && !IsOkStatus(data))
            {
                error = $"status line '{Show(data)}' (expected HTTP/1.1 200 OK)";
                return Outcome.Invalid;
            }

            return Outcome.Incomplete;
        }

        if (!IsOkStatus(data[..firstLine]))
        {
            error = $"status line '{Show(data[..firstLine])}' (expected HTTP/1.1 200 OK)";
            return Outcome.Invalid;
        }

        var headEnd = data.IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
        {
            return Outcome.Incomplete;
        }

        var contentLength = -1;
        var headers = data[(firstLine + 2)..headEnd];
        while (headers.Length > 0)
        {
            var lineEnd = headers.IndexOf("\r\n"u8);
            var line = lineEnd < 0 ? headers : headers[..lineEnd];
            headers = lineEnd < 0 ? default : headers[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                error = $"malformed header line '{Show(line)}'";
                return Outcome.Invalid;
            }

            var name = line[..colon].Trim((byte)' ');
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "content-length"u8))
            {
                if (!Utf8Parser.TryParse(value, out int parsed, out var consumed) || consumed != value.Length || parsed < 0 || (contentLength >= 0 && parsed != contentLength))
                {
                    error = $"bad Content-Length '{Show(value)}'";
                    return Outcome.Invalid;
                }

                contentLength = parsed;
            }
            else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
            {
                error = $"Transfer-Encoding: {Show(value)} (the contract asks for a Content-Length)";
                return Outcome.Invalid;
            }
            else if (Ascii.EqualsIgnoreCase(name, "connection"u8) && Ascii.EqualsIgnoreCase(value, "close"u8))
            {
                error = "Connection: close (the contract asks for keep-alive)";
                return Outcome.Invalid;
            }
        }

        if (contentLength < 0)
        {
            error = "no Content-Length header";
            return Outcome.Invalid;
        }

        var bodyStart = headEnd + 4;
        if (data.Length - bodyStart < contentLength)
        {
            return Outcome.Incomplete;
        }

        var body = data.Slice(bodyStart, contentLength);
        if (!body.SequenceEqual(ExpectedBody))
        {
            error = $"body '{Show(body)}' (expected '{Body}')";
            return Outcome.Invalid;
        }

        length = bodyStart + contentLength;
        return Outcome.Complete;
    }

    private static bool IsOkStatus(ReadOnlySpan<byte> line) =>
        line.StartsWith("HTTP/1.1 200"u8) && (line.Length == 12 || line[12] == (byte)' ');

    private static string Show(ReadOnlySpan<byte> bytes)
    {
        var cut = bytes.Length > MaxShown ? bytes[..MaxShown] : bytes;
        var builder = new StringBuilder(cut.Length + 3);
        foreach (var b in cut)
        {
            builder.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        if (bytes.Length > MaxShown)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }
}
