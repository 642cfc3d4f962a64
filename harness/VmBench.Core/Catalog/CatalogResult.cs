using VmBench.Core.Model;

namespace VmBench.Core.Catalog;

/// <summary>What discovery found: the valid servers, and every problem of the invalid ones.</summary>
public sealed record CatalogResult(IReadOnlyList<ServerManifest> Servers, IReadOnlyList<ManifestError> Errors)
{
    public IReadOnlyList<Benchmark> Benchmarks => Benchmark.AllOf(Servers);
}
