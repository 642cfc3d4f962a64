using System.Diagnostics;

namespace VmBench.Load.Internal;

/// <summary>getrusage(RUSAGE_SELF) user + system time; cores from Environment.ProcessorCount (which honours the affinity mask).</summary>
internal sealed unsafe class RusageCpuMeter : ICpuMeter
{
    public static readonly RusageCpuMeter Instance = new();

    public int AvailableCores => Environment.ProcessorCount;

    public TimeSpan ProcessCpuTime()
    {
        if (OperatingSystem.IsLinux())
        {
            // struct rusage starts with two struct timeval (16 bytes each on 64-bit): ru_utime, ru_stime.
            var usage = stackalloc byte[256];
            if (Native.GetRusage(Native.RUSAGE_SELF, usage) == 0)
            {
                var l = (long*)usage;
                var micros = (l[0] * 1_000_000) + l[1] + (l[2] * 1_000_000) + l[3];
                return TimeSpan.FromMicroseconds(micros);
            }
        }

        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
