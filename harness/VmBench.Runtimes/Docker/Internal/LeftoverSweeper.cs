using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace VmBench.Runtimes.Docker.Internal;

/// <summary>Removes containers that an earlier vmbench process on this machine left behind (it crashed or was killed): labelled vmbench=1, from a process that no longer exists.</summary>
internal static class LeftoverSweeper
{
    public static IDictionary<string, IDictionary<string, bool>> MarkerFilter() =>
        new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [DockerLabels.MarkerFilter] = true } };

    /// <summary>The labels that tie a container to this process.</summary>
    public static Dictionary<string, string> OwnerLabels(string runId) => new()
    {
        [DockerLabels.Marker] = "1",
        [DockerLabels.Run] = runId,
        [DockerLabels.Pid] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
        [DockerLabels.PidStart] = StartTicks(Environment.ProcessId)?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        [DockerLabels.Host] = Environment.MachineName,
    };

    /// <summary>Removes the leftovers; returns how many.</summary>
    public static async Task<int> SweepAsync(DockerClient client, CancellationToken cancellationToken)
    {
        var containers = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = MarkerFilter() }, cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var container in containers.Where(IsOrphan))
        {
            try
            {
                await client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken).ConfigureAwait(false);
                removed++;
            }
            catch (DockerApiException)
            {
                // Being removed by someone else, or already gone.
            }
        }

        return removed;
    }

    private static bool IsOrphan(ContainerListResponse container)
    {
        var labels = container.Labels ?? new Dictionary<string, string>();
        if (!labels.TryGetValue(DockerLabels.Host, out var host) || host != Environment.MachineName)
        {
            return false; // another machine's engine client: not ours to judge
        }

        if (!labels.TryGetValue(DockerLabels.Pid, out var pidText) || !int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return true;
        }

        var start = StartTicks(pid);
        if (start is null)
        {
            return true; // no such process
        }

        // The PID is in use: by the same process only when its start time matches (PIDs are recycled).
        return labels.TryGetValue(DockerLabels.PidStart, out var recorded)
            && long.TryParse(recorded, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && Math.Abs(ticks - start.Value) > TimeSpan.TicksPerSecond;
    }

    private static long? StartTicks(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime.ToUniversalTime().Ticks;
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
