namespace VmBench.Core.Runtimes;

/// <summary>What a short command run beside a server printed: its exit code and its stdout and stderr together.</summary>
public sealed record CommandOutput(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
