using System.Diagnostics;
using System.Numerics;

namespace VmBench.Load.Internal;

/// <summary>getrusage(RUSAGE_SELF) user + system time; cores from the calling thread's affinity mask as it is now.</summary>
internal sealed unsafe class RusageCpuMeter : ICpuMeter
{
    public static readonly RusageCpuMeter Instance = new();

    /// <summary>
    /// The CPUs this thread may run on, read live: Environment.ProcessorCount is fixed at start-up,
    /// so a process that pins itself afterwards (vmbench run pins its client to --client-cpus)
    /// would start one event loop per CPU it no longer has, and judge its CPU use against them.
    /// </summary>
    public int AvailableCores => CountAffinity() ?? Environment.ProcessorCount;

    private static int? CountAffinity()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        const int bytes = 128; // cpu_set_t: 1,024 CPUs
        var mask = stackalloc byte[bytes];
        if (Native.SchedGetAffinity(0, bytes, mask) != 0)
        {
            return null;
        }

        var count = 0;
        for (var i = 0; i < bytes; i += sizeof(ulong))
        {
            count += BitOperations.PopCount(*(ulong*)(mask + i));
        }

        return count > 0 ? count : null;
    }

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
