namespace VmBench.Core.Runtimes;

/// <summary>
/// A server's resource use over one measurement, from <see cref="IRunningServer.BeginMeasurementAsync"/> to
/// <see cref="EndAsync"/>. Disposing a window that was not ended stops whatever it was sampling.
/// </summary>
public interface IUsageWindow : IAsyncDisposable
{
    /// <summary>Ends the window: the CPU the server used over it and its peak memory, or null when the runtime cannot tell.</summary>
    Task<WindowUsage?> EndAsync(CancellationToken cancellationToken);
}
