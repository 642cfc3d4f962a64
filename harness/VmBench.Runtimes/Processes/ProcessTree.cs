using System.Globalization;
using System.Text;
using VmBench.Runtimes.Native;

namespace VmBench.Runtimes.Processes;

/// <summary>
/// Finds and kills a child's whole tree through /proc. A tree is every process whose environment carries
/// the child's tag (inherited by everything it starts, even after setsid or a double fork has taken it out of
/// the process group and reparented it to init), its process group, and its descendants by parent PID.
/// </summary>
internal static class ProcessTree
{
    public const int SIGKILL = 9;

    /// <summary>The environment variable that marks the processes of the tree with this token.</summary>
    public static string VariableOf(string token) => "VMBENCH_TREE_" + token;

    /// <summary>The start time (clock ticks after boot, field 22 of /proc/PID/stat) of a live process, or null when none has this PID.</summary>
    public static long? StartTime(int pid)
    {
        var fields = StatFields(pid);
        return fields is not null && fields.Length > 19 && fields[0] != "Z" && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : null;
    }

    /// <summary>SIGKILLs the tree (in rounds, so children forked meanwhile are caught too); returns how many processes it signalled.</summary>
    /// <param name="token">The tree's token: every process of the tree inherited <see cref="VariableOf"/> it in its environment.</param>
    /// <param name="root">The tree's first process and its start time, when it is still ours: its group and descendants go too.</param>
    public static int Kill(string token, (int Pid, long StartTime)? root)
    {
        var needle = Encoding.ASCII.GetBytes("\0" + VariableOf(token) + "=");
        var killed = 0;
        for (var round = 0; round < 20; round++)
        {
            var victims = new HashSet<int>();
            if (root is { } r && StartTime(r.Pid) == r.StartTime)
            {
                _ = Libc.Kill(-r.Pid, SIGKILL);
                victims.UnionWith(Descendants(r.Pid));
                victims.Add(r.Pid);
            }

            foreach (var pid in Pids())
            {
                if (HasEnvironment(pid, needle))
                {
                    victims.Add(pid);
                }
            }

            victims.RemoveWhere(pid => pid == Environment.ProcessId || StartTime(pid) is null);
            if (victims.Count == 0)
            {
                return killed;
            }

            foreach (var pid in victims)
            {
                killed += Libc.Kill(pid, SIGKILL) == 0 ? 1 : 0;
            }

            Thread.Sleep(5);
        }

        return killed;
    }

    private static IEnumerable<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var pid in Pids())
        {
            var fields = StatFields(pid);
            if (fields is { Length: > 1 } && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent))
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(pid);
            }
        }

        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.Count > 0)
        {
            foreach (var child in children.GetValueOrDefault(frontier.Dequeue()) ?? [])
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }

        return found;
    }

    private static IEnumerable<int> Pids()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    /// <param name="needle">A NUL, then <c>NAME=</c>.</param>
    private static bool HasEnvironment(int pid, byte[] needle)
    {
        try
        {
            var environ = File.ReadAllBytes($"/proc/{pid}/environ");
            return environ.AsSpan().StartsWith(needle.AsSpan(1)) || environ.AsSpan().IndexOf(needle) >= 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The fields of /proc/PID/stat after the command name: state, ppid, pgrp, ...; null when the process is gone.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
