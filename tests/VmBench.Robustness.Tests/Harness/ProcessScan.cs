using System.Runtime.InteropServices;

namespace VmBench.Robustness.Tests.Harness;

/// <summary>Finds processes through /proc: a process's whole tree, and every process whose command line holds a marker.</summary>
internal static class ProcessScan
{
    public const int Sigint = 2;

    public const int Sigkill = 9;

    /// <summary>Every descendant of <paramref name="root"/> (children, grandchildren ...).</summary>
    public static IReadOnlyList<int> Descendants(int root)
    {
        var all = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.Count > 0)
        {
            foreach (var child in Vmbench.ChildrenOf(frontier.Dequeue()))
            {
                all.Add(child);
                frontier.Enqueue(child);
            }
        }

        return all;
    }

    /// <summary>Live (not zombie) processes whose command line contains <paramref name="marker"/>, as "pid: cmdline".</summary>
    public static IReadOnlyList<string> WithMarker(string marker)
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(marker, StringComparison.Ordinal) && Vmbench.IsAlive(pid))
                {
                    found.Add($"{pid}: {cmdline.Trim()}");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }

        return found;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for processes with <paramref name="marker"/> to appear; returns them.</summary>
    public static async Task<IReadOnlyList<string>> WaitForMarkerAsync(string marker, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = WithMarker(marker);
            if (found.Count > 0 || DateTime.UtcNow >= deadline)
            {
                return found;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Asserts that none of <paramref name="pids"/> and no process with <paramref name="marker"/> is alive (allowing a moment for exit).</summary>
    public static async Task AssertNothingLeftAsync(IReadOnlyList<int> pids, string marker)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (true)
        {
            var alive = pids.Where(Vmbench.IsAlive).Select(p => $"{p}: {Cmdline(p)}").Concat(WithMarker(marker)).Distinct().ToList();
            if (alive.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"left behind after vmbench exited: {string.Join("; ", alive)}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILLs every live process whose command line holds <paramref name="marker"/> (clean-up after a failed test).</summary>
    public static void KillMarked(string marker)
    {
        foreach (var found in WithMarker(marker))
        {
            _ = Kill(int.Parse(found[..found.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture), Sigkill);
        }
    }

    /// <summary>Sends a signal (SIGINT = Ctrl-C) to a process this test started.</summary>
    public static void Signal(int pid, int signal) => Assert.Equal(0, Kill(pid, signal));

    private static string Cmdline(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "(gone)";
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
