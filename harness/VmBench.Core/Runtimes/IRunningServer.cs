using VmBench.Core.Model;

namespace VmBench.Core.Runtimes;

/// <summary>A started, ready server. Disposing it stops it and leaves nothing behind.</summary>
public interface IRunningServer : IAsyncDisposable
{
    Address Address { get; }

    /// <summary>
    /// The server's own command, what precedes its <c>--addr</c> and <c>--mode</c>, as <see cref="ExecAsync"/> runs it:
    /// a check starts a second instance where this one runs with it (its runtime and build kind know the command).
    /// </summary>
    IReadOnlyList<string> Command { get; }

    /// <summary>True once the server process or container has ended on its own.</summary>
    bool HasExited { get; }

    /// <summary>The last lines the server wrote (stdout and stderr).</summary>
    string LogTail(int lines = 20);

    /// <summary>
    /// Opens the window of one measurement on the server's resource use; end it right after the load stops. A
    /// runtime that has to sample to know the CPU or the peak samples only inside windows: every server stays up
    /// through the trials, and dozens of idle ones polled all the time would load the machine being measured.
    /// Opening and ending a window must cost next to no wall time (the trials run hundreds of them).
    /// </summary>
    Task<IUsageWindow> BeginMeasurementAsync(CancellationToken cancellationToken);

    /// <summary>CPU time used so far and peak memory, when the runtime can tell; null otherwise.</summary>
    Task<ResourceUsage?> ReadUsageAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs a short command where the server runs (this machine, or inside the server's container), e.g. a version
    /// query. A command that fails or cannot start is not an exception: its exit code and output say so.
    /// </summary>
    Task<CommandOutput> ExecAsync(IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Stops gracefully (SIGTERM, then SIGKILL after a grace period) and returns the exit code.</summary>
    Task<int?> StopAsync(CancellationToken cancellationToken);
}
