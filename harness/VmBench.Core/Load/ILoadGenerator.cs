namespace VmBench.Core.Load;

/// <summary>The load seam: the Runner asks for a measurement, the load client produces it.</summary>
public interface ILoadGenerator
{
    /// <summary>
    /// Sets up the connections (open, and one verified request each, timed as <see cref="LoadResult.ConnectSeconds"/>),
    /// then runs warm-up then measurement.
    /// Payload mismatches and lost connections come back as <see cref="LoadResult.Failure"/>, not exceptions.
    /// </summary>
    /// <param name="connected">Called once every connection is set up and idle, before the load starts; the
    /// load waits for it (the moment to read what idle connections cost the server). Null for none.</param>
    Task<LoadResult> RunAsync(LoadSpec spec, IProgress<LoadProgress>? progress, Func<CancellationToken, Task>? connected, CancellationToken cancellationToken);
}

/// <summary>The common call, without a hook between connecting and loading.</summary>
public static class LoadGeneratorExtensions
{
    public static Task<LoadResult> RunAsync(this ILoadGenerator load, LoadSpec spec, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        return load.RunAsync(spec, progress, null, cancellationToken);
    }
}
