namespace VmBench.Core.Runtimes;

/// <summary>A started, ready server. Disposing it stops it and leaves nothing behind.</summary>
public interface IRunningServer : IAsyncDisposable
{
    string Address { get; }

    /// <summary>True once the server process or container has ended on its own.</summary>
    bool HasExited { get; }

    /// <summary>The last lines the server wrote (stdout and stderr).</summary>
    string LogTail(int lines = 20);

    /// <summary>CPU time used so far and peak memory, when the runtime can tell; null otherwise.</summary>
    Task<ResourceUsage?> ReadUsageAsync(CancellationToken cancellationToken);

    /// <summary>Stops gracefully (SIGTERM, then SIGKILL after a grace period) and returns the exit code.</summary>
    Task<int?> StopAsync(CancellationToken cancellationToken);
}
