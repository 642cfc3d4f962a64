namespace VmBench.Core.Results;

/// <summary>Where a run happened: machine, kernel, CPU, runtime and native library versions.</summary>
public sealed record RunEnvironment(
    string Host,
    string Os,
    string Kernel,
    string CpuModel,
    int CpuCount,
    string DotnetRuntime,
    string VmBenchVersion,
    IReadOnlyDictionary<string, string> NativeLibraries);
