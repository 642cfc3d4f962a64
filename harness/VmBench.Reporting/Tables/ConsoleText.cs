using System.Globalization;
using System.Text;

namespace VmBench.Reporting.Tables;

/// <summary>
/// Text from manifests and servers (titles, names, reasons with a server's last output) made safe to print on a
/// terminal: control characters (escape sequences, carriage returns, backspaces, bells) and bidirectional overrides
/// are shown as <c>\x1B</c>-style escapes instead of acting on the terminal.
/// </summary>
public static class ConsoleText
{
    /// <summary>One line: line breaks are escaped too.</summary>
    public static string Line(string? value) => Escape(value, keepLineBreaks: false);

    /// <summary>Several lines (a server's output): line feeds and tabs kept, every other control character escaped.</summary>
    public static string Block(string? value) => Escape(value, keepLineBreaks: true);

    private static string Escape(string? value, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (!value.Any(c => Unsafe(c, keepLineBreaks)))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            if (Unsafe(c, keepLineBreaks))
            {
                text.Append(c <= 0xFF ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}") : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static bool Unsafe(char c, bool keepLineBreaks) =>
        (char.IsControl(c) && !(keepLineBreaks && c is '\n' or '\t'))
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
