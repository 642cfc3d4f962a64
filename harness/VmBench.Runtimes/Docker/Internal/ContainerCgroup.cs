using System.Globalization;

namespace VmBench.Runtimes.Docker.Internal;

/// <summary>
/// A container's cgroup files, read straight from this machine's cgroup file system when the engine runs here: the
/// cumulative CPU time and the memory at any moment, without waiting for the engine's once-a-second stats sample.
/// Found from the container's main process (its host PID) and only trusted when the process's cgroup path names the
/// container, so an engine on another machine, or a PID from another namespace, is never mistaken for it.
/// </summary>
internal sealed class ContainerCgroup
{
    private readonly string _cpuFile;
    private readonly bool _cpuInMicroseconds;
    private readonly string? _memoryFile;
    private readonly string? _peakFile;

    private ContainerCgroup(string cpuFile, bool cpuInMicroseconds, string? memoryFile, string? peakFile)
    {
        _cpuFile = cpuFile;
        _cpuInMicroseconds = cpuInMicroseconds;
        _memoryFile = memoryFile;
        _peakFile = peakFile;
    }

    /// <summary>The cgroup of container <paramref name="containerId"/> whose main process is <paramref name="pid"/> on this machine; null when it cannot be found or read here.</summary>
    public static ContainerCgroup? Find(long pid, string containerId, string procRoot = "/proc")
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "cgroup"));
            var mounts = File.ReadAllLines(Path.Combine(procRoot, "self", "mountinfo")).Select(Mount.Parse).OfType<Mount>().ToList();
            var entries = lines.Select(l => l.Split(':', 3)).Where(p => p.Length == 3).ToList();
            if (entries.Count == 0 || !entries.Any(e => e[2].Contains(containerId, StringComparison.Ordinal)))
            {
                return null;
            }

            // cgroup v1: one hierarchy per controller set ("4:cpu,cpuacct:/docker/ID"); v2: one ("0::/system.slice/docker-ID.scope").
            var cpuacct = entries.FirstOrDefault(e => e[1].Split(',').Contains("cpuacct"));
            if (cpuacct is not null && Dir(mounts, "cpuacct", cpuacct[2]) is { } cpuDir && File.Exists(Path.Combine(cpuDir, "cpuacct.usage")))
            {
                var memory = entries.FirstOrDefault(e => e[1].Split(',').Contains("memory"));
                var memoryDir = memory is null ? null : Dir(mounts, "memory", memory[2]);
                return new ContainerCgroup(
                    Path.Combine(cpuDir, "cpuacct.usage"),
                    false,
                    memoryDir is null ? null : Existing(Path.Combine(memoryDir, "memory.usage_in_bytes")),
                    memoryDir is null ? null : Existing(Path.Combine(memoryDir, "memory.max_usage_in_bytes")));
            }

            var unified = entries.FirstOrDefault(e => e[0] == "0" && e[1].Length == 0);
            if (unified is not null && Dir(mounts, null, unified[2]) is { } dir && File.Exists(Path.Combine(dir, "cpu.stat")))
            {
                return new ContainerCgroup(Path.Combine(dir, "cpu.stat"), true, Existing(Path.Combine(dir, "memory.current")), Existing(Path.Combine(dir, "memory.peak")));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            // Not readable here: the engine's stats it is.
        }

        return null;
    }

    /// <summary>CPU seconds so far, memory now and the peak (0 when the files are missing); null when the cgroup is gone.</summary>
    public (double CpuSeconds, long Memory, long Peak)? Read()
    {
        try
        {
            double cpu;
            if (_cpuInMicroseconds)
            {
                var line = File.ReadLines(_cpuFile).First(l => l.StartsWith("usage_usec ", StringComparison.Ordinal));
                cpu = long.Parse(line.AsSpan("usage_usec ".Length), CultureInfo.InvariantCulture) / 1e6;
            }
            else
            {
                cpu = long.Parse(File.ReadAllText(_cpuFile).Trim(), CultureInfo.InvariantCulture) / 1e9;
            }

            var memory = _memoryFile is null ? 0 : long.Parse(File.ReadAllText(_memoryFile).Trim(), CultureInfo.InvariantCulture);
            var peak = _peakFile is null ? memory : long.Parse(File.ReadAllText(_peakFile).Trim(), CultureInfo.InvariantCulture);
            return (cpu, memory, Math.Max(peak, memory));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Existing(string path) => File.Exists(path) ? path : null;

    /// <summary>Where the cgroup <paramref name="path"/> of the hierarchy with <paramref name="controller"/> (null: the unified v2 one) is mounted here.</summary>
    private static string? Dir(List<Mount> mounts, string? controller, string path)
    {
        var mount = mounts.FirstOrDefault(m => controller is null ? m.FileSystem == "cgroup2" : m.FileSystem == "cgroup" && m.Options.Contains(controller));
        if (mount is null)
        {
            return null;
        }

        var relative = mount.Root == "/" ? path : path.StartsWith(mount.Root, StringComparison.Ordinal) ? path[mount.Root.Length..] : null;
        return relative is null ? null : Path.Combine(mount.Point, relative.TrimStart('/'));
    }

    /// <summary>One line of /proc/self/mountinfo: "36 35 0:30 / /sys/fs/cgroup/cpu rw,relatime shared:9 - cgroup cgroup rw,cpu".</summary>
    private sealed record Mount(string Root, string Point, string FileSystem, string[] Options)
    {
        public static Mount? Parse(string line)
        {
            var fields = line.Split(' ');
            var dash = Array.IndexOf(fields, "-");
            if (fields.Length < 5 || dash < 0 || dash + 3 >= fields.Length)
            {
                return null;
            }

            return new Mount(Unescape(fields[3]), Unescape(fields[4]), fields[dash + 1], fields[dash + 3].Split(','));
        }

        private static string Unescape(string field) => field.Replace("\\040", " ", StringComparison.Ordinal);
    }
}
