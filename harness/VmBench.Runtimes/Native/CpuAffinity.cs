using System.Globalization;
using System.Runtime.InteropServices;

namespace VmBench.Runtimes.Native;

/// <summary>Pins the current process — every thread it has now, and so every thread it starts later — to a set of CPUs.</summary>
public static class CpuAffinity
{
    /// <summary>Returns null when pinned, or why it could not be (the run goes on unpinned and says so).</summary>
    public static string? PinCurrentProcess(IReadOnlyCollection<int> cpus)
    {
        ArgumentNullException.ThrowIfNull(cpus);
        if (cpus.Count == 0 || !OperatingSystem.IsLinux())
        {
            return cpus.Count == 0 ? null : "CPU pinning needs Linux";
        }

        ulong mask = 0;
        foreach (var cpu in cpus)
        {
            if (cpu is < 0 or > 63 || cpu >= Environment.ProcessorCount)
            {
                return $"CPU {cpu} does not exist on this machine (0-{Environment.ProcessorCount - 1})";
            }

            mask |= 1UL << cpu;
        }

        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            var tid = int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture);
            var copy = mask;
            if (Libc.SchedSetAffinity(tid, sizeof(ulong), ref copy) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno != 3)
                {
                    return $"sched_setaffinity failed (errno {errno})";
                }
            }
        }

        return null;
    }

    /// <summary>Parses "1", "0,2" or "0-3" into CPU numbers.</summary>
    public static IReadOnlyList<int> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cpus = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(part[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                && int.TryParse(part[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var to) && from <= to)
            {
                for (var cpu = from; cpu <= to; cpu++)
                {
                    cpus.Add(cpu);
                }
            }
            else if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var single))
            {
                cpus.Add(single);
            }
            else
            {
                throw new FormatException($"'{text}' is not a CPU list (e.g. 1, 0,2 or 0-3)");
            }
        }

        return cpus.ToArray();
    }

    public static string Format(IEnumerable<int> cpus) => string.Join(',', cpus);
}
