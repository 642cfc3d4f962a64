namespace VmBench.Runtimes.Processes;

/// <summary>The outcome of a finished command.</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last lines of stderr and stdout together, for error messages.</summary>
    public string Tail(int lines = 15)
    {
        var all = (StdOut + "\n" + StdErr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', all.TakeLast(lines));
    }
}
