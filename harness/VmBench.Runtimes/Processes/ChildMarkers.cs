using System.Globalization;

namespace VmBench.Runtimes.Processes;

/// <summary>
/// A file per started child in a runtime folder (its owner, its PID, start time and tree token), removed when
/// the child is stopped. One left by a harness that died (kill -9) names a tree to stop: <see cref="Sweep"/>
/// kills it at the next start, and only when its owner is gone, so another harness's live run is never touched.
/// </summary>
internal static class ChildMarkers
{
    private static readonly Lazy<long> s_ownStart = new(() => ProcessTree.StartTime(Environment.ProcessId) ?? 0);

    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "vmbench-" + Environment.UserName, "children");

    /// <summary>Writes the marker of a started child; returns its path (null when the folder cannot be written: the child runs unmarked).</summary>
    public static string? Write(string token, int pid)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            var path = Path.Combine(Folder, token + ".pid");
            var line = string.Join(' ', Environment.ProcessId, s_ownStart.Value, pid, ProcessTree.StartTime(pid) ?? 0, token);
            File.WriteAllText(path, line);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void Remove(string? path)
    {
        try
        {
            if (path is not null)
            {
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Swept at a later start.
        }
    }

    /// <summary>Kills the trees whose owner is no longer running; returns how many processes that stopped.</summary>
    public static int Sweep()
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }

        var killed = 0;
        foreach (var path in Directory.EnumerateFiles(Folder, "*.pid"))
        {
            string[] fields;
            try
            {
                fields = File.ReadAllText(path).Split(' ');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (fields.Length != 5 || !int.TryParse(fields[0], CultureInfo.InvariantCulture, out var owner) || !long.TryParse(fields[1], CultureInfo.InvariantCulture, out var ownerStart)
                || !int.TryParse(fields[2], CultureInfo.InvariantCulture, out var pid) || !long.TryParse(fields[3], CultureInfo.InvariantCulture, out var start))
            {
                Remove(path);
                continue;
            }

            if (ProcessTree.StartTime(owner) == ownerStart)
            {
                continue; // Its harness still runs.
            }

            killed += ProcessTree.Kill(fields[4], (pid, start));
            Remove(path);
        }

        return killed;
    }
}
