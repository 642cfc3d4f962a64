using System.Diagnostics;

namespace VmBench.Core.Runtimes;

/// <summary>
/// A usage window for a runtime that can read a server's cumulative CPU time at any moment (a local process's
/// /proc): one reading when the window opens, one when it ends.
/// </summary>
public sealed class SnapshotUsageWindow : IUsageWindow
{
    private readonly Func<CancellationToken, Task<ResourceUsage?>> _read;
    private readonly ResourceUsage? _start;
    private readonly long _startedAt;

    private SnapshotUsageWindow(Func<CancellationToken, Task<ResourceUsage?>> read, ResourceUsage? start, long startedAt)
    {
        _read = read;
        _start = start;
        _startedAt = startedAt;
    }

    /// <summary>Opens a window with a first reading of <paramref name="read"/>.</summary>
    public static async Task<IUsageWindow> BeginAsync(Func<CancellationToken, Task<ResourceUsage?>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var start = await read(cancellationToken).ConfigureAwait(false);
        return new SnapshotUsageWindow(read, start, Stopwatch.GetTimestamp());
    }

    public async Task<WindowUsage?> EndAsync(CancellationToken cancellationToken)
    {
        var end = await _read(cancellationToken).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        return _start is null || end is null ? null : new WindowUsage(end.CpuSeconds - _start.CpuSeconds, seconds, end.PeakMemoryBytes);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
