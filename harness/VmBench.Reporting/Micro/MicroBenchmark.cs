namespace VmBench.Reporting.Micro;

/// <summary>One BenchmarkDotNet result: mean time per operation and bytes allocated per operation (null when not measured).</summary>
public sealed record MicroBenchmark(string FullName, string Type, string Method, string Parameters, double MeanNs, double? AllocatedBytes)
{
    /// <summary>Method with its parameters, as a row or bar label.</summary>
    public string Label => string.IsNullOrEmpty(Parameters) ? $"{Type}.{Method}".TrimStart('.') : $"{Type}.{Method} ({Parameters})".TrimStart('.');
}
