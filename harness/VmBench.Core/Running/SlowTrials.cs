using VmBench.Core.Results;

namespace VmBench.Core.Running;

/// <summary>
/// Which trials of a cell ran on a slower machine: those that cost the load client at least <see cref="CpuSwing"/>
/// times the cell's median CPU per request. The client does the same work per request in every trial of a cell,
/// whatever the server, so its cost is a reading of the machine, not of the server: this machine has spells of
/// 10-40 s in which the kernel's cost per message doubles for every process, a C client and server included.
/// </summary>
public static class SlowTrials
{
    /// <summary>A trial that cost the client this many times the cell's median CPU per request ran on a slower machine.</summary>
    public const double CpuSwing = 1.5;

    /// <summary>The fewest successful trials with a client CPU reading that give a median to compare with.</summary>
    public const int MinimumTrials = 3;

    /// <summary>The slow trials among <paramref name="trials"/> (successful ones only), with their cost as a multiple of the median.</summary>
    public static IReadOnlyList<(TrialResult Trial, double Factor)> Find(IReadOnlyList<TrialResult> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var measured = trials.Where(t => t.Result.Succeeded && t.Result.Client is { CpuMicrosPerRequest: > 0 }).ToArray();
        if (measured.Length < MinimumTrials)
        {
            return [];
        }

        var costs = measured.Select(t => t.Result.Client!.CpuMicrosPerRequest).Order().ToArray();
        var median = costs.Length % 2 == 1 ? costs[costs.Length / 2] : (costs[(costs.Length / 2) - 1] + costs[costs.Length / 2]) / 2;
        return measured.Select(t => (Trial: t, Factor: t.Result.Client!.CpuMicrosPerRequest / median)).Where(x => x.Factor >= CpuSwing).ToArray();
    }
}
