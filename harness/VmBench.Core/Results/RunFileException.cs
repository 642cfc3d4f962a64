namespace VmBench.Core.Results;

/// <summary>A run.json that cannot be used: missing, truncated, corrupt or not VmBench's.</summary>
public sealed class RunFileException : Exception
{
    public RunFileException()
    {
    }

    public RunFileException(string message)
        : base(message)
    {
    }

    public RunFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
