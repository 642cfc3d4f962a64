using VmBench.Core.Results;

namespace VmBench.Reporting.Tables;

/// <summary>A cell's flags as every output prints them: short badges and the full reasons, from run.json's <see cref="CellFlags"/> alone.</summary>
internal static class FlagText
{
    /// <summary>"unsteady", "client-bound (client)", "client-bound (client and server)".</summary>
    public static IReadOnlyList<string> Badges(CellFlags flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var badges = new List<string>();
        if (flags.Unsteady)
        {
            badges.Add("unsteady");
        }

        if (flags.ClientBound)
        {
            badges.Add(flags.Saturated is null ? "client-bound" : $"client-bound ({flags.Saturated} saturated)");
        }

        return badges;
    }

    /// <summary>Every flag with its reason, one sentence each.</summary>
    public static string Notes(CellFlags flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var notes = new List<string>();
        if (flags.Unsteady)
        {
            notes.Add("unsteady: " + flags.UnsteadyReason);
        }

        if (flags.ClientBound)
        {
            notes.Add($"client-bound ({flags.Saturated} saturated): {flags.ClientBoundReason}");
        }

        return string.Join("; ", notes);
    }
}
