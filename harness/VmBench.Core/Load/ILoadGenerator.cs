namespace VmBench.Core.Load;

/// <summary>The load seam: the Runner asks for a measurement, the load client produces it.</summary>
public interface ILoadGenerator
{
    /// <summary>Runs warm-up then measurement. Payload mismatches and lost connections come back as <see cref="LoadResult.Failure"/>, not exceptions.</summary>
    Task<LoadResult> RunAsync(LoadSpec spec, IProgress<LoadProgress>? progress, CancellationToken cancellationToken);
}
