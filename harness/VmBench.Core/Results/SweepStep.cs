using VmBench.Core.Load;

namespace VmBench.Core.Results;

/// <summary>One step of a latency-vs-load sweep: the offered rate (as a fraction of the closed-loop peak) and what it gave.</summary>
public sealed record SweepStep(double Fraction, double OfferedRate, LoadResult Result);
