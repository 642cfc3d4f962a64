using Docker.DotNet.Models;

namespace VmBench.Runtimes.Docker.Internal;

/// <summary>A container's memory as `docker stats` shows it.</summary>
internal static class ContainerMemory
{
    /// <summary>The cgroup's usage without the inactive page cache.</summary>
    public static long Current(MemoryStats memory)
    {
        var stats = memory.Stats ?? new Dictionary<string, ulong>();
        ulong inactive = stats.TryGetValue("total_inactive_file", out var v1) ? v1 : stats.TryGetValue("inactive_file", out var v2) ? v2 : 0;
        return (long)(memory.Usage > inactive ? memory.Usage - inactive : memory.Usage);
    }
}
