using System.Globalization;
using System.Text;

namespace VmBench.Runtimes.Processes;

/// <summary>
/// Splits a stream of characters into lines of at most <see cref="MaxLineLength"/> characters: the rest of a
/// longer line is dropped (only counted) and the line ends with a marker that says so. A server that prints a
/// 50 MB line costs the harness 4 KiB, not 50 MB in every message and report that quotes its log.
/// </summary>
public sealed class BoundedLines
{
    public const int MaxLineLength = 4096;

    private readonly StringBuilder _line = new();
    private readonly Action<string> _emit;
    private long _dropped;

    public BoundedLines(Action<string> emit)
    {
        _emit = emit;
    }

    /// <summary>The text of the line not yet ended by a newline (cut as it will be).</summary>
    public string Pending => _line.Length == 0 ? string.Empty : Finish(_line.ToString().TrimEnd('\r'), _dropped);

    /// <summary>Cuts one whole line as <see cref="BoundedLines"/> does.</summary>
    public static string Cut(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length <= MaxLineLength ? line : Finish(line[..MaxLineLength], line.Length - MaxLineLength);
    }

    public void Write(ReadOnlySpan<char> text)
    {
        while (text.Length > 0)
        {
            var newline = text.IndexOf('\n');
            var piece = newline < 0 ? text : text[..newline];
            var room = MaxLineLength - _line.Length;
            if (piece.Length <= room)
            {
                _line.Append(piece);
            }
            else
            {
                _line.Append(piece[..room]);
                _dropped += piece.Length - room;
            }

            if (newline < 0)
            {
                return;
            }

            EndLine();
            text = text[(newline + 1)..];
        }
    }

    /// <summary>Emits the last line when the stream ended without a newline.</summary>
    public void Flush()
    {
        if (_line.Length > 0 || _dropped > 0)
        {
            EndLine();
        }
    }

    private void EndLine()
    {
        var line = Finish(_line.ToString().TrimEnd('\r'), _dropped);
        _line.Clear();
        _dropped = 0;
        _emit(line);
    }

    private static string Finish(string kept, long dropped) =>
        dropped == 0 ? kept : kept + string.Create(CultureInfo.InvariantCulture, $" [vmbench: line cut, {dropped} more characters not kept]");
}
