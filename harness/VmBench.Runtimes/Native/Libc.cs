using System.Runtime.InteropServices;

namespace VmBench.Runtimes.Native;

/// <summary>The few libc calls .NET does not expose: a signal by number, and CPU affinity for every thread.</summary>
internal static partial class Libc
{
    public const int SIGTERM = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    public static partial int SchedSetAffinity(int pid, nint cpuSetSize, ref ulong mask);

    [LibraryImport("libc", EntryPoint = "sysconf")]
    public static partial long Sysconf(int name);

    public const int SC_CLK_TCK = 2;
}
