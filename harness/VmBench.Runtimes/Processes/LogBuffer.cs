namespace VmBench.Runtimes.Processes;

/// <summary>
/// The last lines a server printed, kept in a ring bounded in lines and in characters (each line cut at
/// <see cref="BoundedLines.MaxLineLength"/>), so a chatty server cannot grow the harness.
/// </summary>
public sealed class LogBuffer
{
    /// <summary>The most characters kept over all lines.</summary>
    public const int MaxCharacters = 64 * 1024;

    private readonly Queue<string> _lines = new();
    private readonly int _capacity;
    private long _characters;

    public LogBuffer(int capacity = 200)
    {
        _capacity = capacity;
    }

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        line = BoundedLines.Cut(line);
        lock (_lines)
        {
            _lines.Enqueue(line);
            _characters += line.Length;
            while (_lines.Count > _capacity || (_characters > MaxCharacters && _lines.Count > 1))
            {
                _characters -= _lines.Dequeue().Length;
            }
        }
    }

    public string Tail(int lines)
    {
        lock (_lines)
        {
            return string.Join('\n', _lines.Skip(Math.Max(0, _lines.Count - lines)));
        }
    }
}
