namespace VmBench.Reporting.Micro;

/// <summary>The micro-benchmarks found in a run folder, and the files that could not be read.</summary>
public sealed record MicroReadResult(IReadOnlyList<MicroBenchmark> Benchmarks, IReadOnlyList<string> Problems);
