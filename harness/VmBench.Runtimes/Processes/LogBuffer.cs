namespace VmBench.Runtimes.Processes;

/// <summary>The last lines a server printed, kept in a bounded ring so a chatty server cannot grow the harness.</summary>
public sealed class LogBuffer
{
    private readonly Queue<string> _lines = new();
    private readonly int _capacity;

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

        lock (_lines)
        {
            if (_lines.Count == _capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
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
