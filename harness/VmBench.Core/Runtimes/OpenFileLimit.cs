using System.Globalization;
using System.Runtime.InteropServices;

namespace VmBench.Core.Runtimes;

/// <summary>
/// This process's open-file limit (RLIMIT_NOFILE). 10,000 connections take 10,000 descriptors on each side: the
/// load client's are this process's, and the servers get the same limit (a local server inherits it, a
/// container is given it), so one check before the run covers both sides.
/// </summary>
public static partial class OpenFileLimit
{
    /// <summary>Descriptors a process needs beside its connections: listeners, epoll sets, pipes, the runtime's own files.</summary>
    public const int Headroom = 1024;

    /// <summary>The kernel's default ceiling (fs.nr_open); a limit above it is given to a container as this.</summary>
    public const long Ceiling = 1 << 20;

    private const int RlimitNofile = 7;

    /// <summary>The descriptors a process holding <paramref name="connections"/> connections needs.</summary>
    public static long Needed(int connections) => (long)connections + Headroom;

    /// <summary>The soft limit now, or null off Linux.</summary>
    public static long? Current => OperatingSystem.IsLinux() && Get(out var limit) ? (long)Math.Min(limit.Soft, long.MaxValue) : null;

    /// <summary>The limit a server is given: this process's own, at most <see cref="Ceiling"/> (some runtimes walk every possible descriptor).</summary>
    public static long ForServers => Math.Min(Current ?? Ceiling, Ceiling);

    /// <summary>
    /// Raises the soft limit (and the hard one, which takes CAP_SYS_RESOURCE) to at least <paramref name="needed"/>.
    /// Returns null when the limit holds that many, else what stands in the way and the fix.
    /// </summary>
    public static string? Ensure(long needed)
    {
        if (!OperatingSystem.IsLinux() || !Get(out var limit) || (long)Math.Min(limit.Soft, long.MaxValue) >= needed)
        {
            return null;
        }

        var wanted = new Rlimit { Soft = (ulong)needed, Hard = Math.Max(limit.Hard, (ulong)needed) };
        if (SetRlimit(RlimitNofile, ref wanted) == 0)
        {
            return null;
        }

        var errno = Marshal.GetLastPInvokeError();
        return string.Create(CultureInfo.InvariantCulture, $"the open-file limit is {limit.Soft} (hard limit {limit.Hard}) and {needed} descriptors are needed (the connections plus {Headroom}); raising it failed (errno {errno}{(limit.Hard < (ulong)needed ? ": raising the hard limit takes root or CAP_SYS_RESOURCE, and at most fs.nr_open" : string.Empty)}): run `ulimit -n {needed}` (as root, or raise the hard limit in /etc/security/limits.conf) before vmbench, or ask for fewer connections");
    }

    private static bool Get(out Rlimit limit) => GetRlimit(RlimitNofile, out limit) == 0;

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetRlimit(int resource, out Rlimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetRlimit(int resource, ref Rlimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct Rlimit
    {
        public ulong Soft;
        public ulong Hard;
    }
}
