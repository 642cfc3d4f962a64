using VmBench.Core.Model;

namespace VmBench.Core.Running;

/// <summary>The unit a trial measures once: a benchmark at one payload size and one concurrency.</summary>
public sealed record Cell(Benchmark Benchmark, int Size, int Concurrency)
{
    public string Label => $"{Benchmark.Name} {Results.VariationResult.LabelOf(Size, Concurrency)}";
}
