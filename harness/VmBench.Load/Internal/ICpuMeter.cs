namespace VmBench.Load.Internal;

/// <summary>The CPU time this process has used so far, and how many cores it may use (injectable for tests).</summary>
internal interface ICpuMeter
{
    TimeSpan ProcessCpuTime();

    int AvailableCores { get; }
}
