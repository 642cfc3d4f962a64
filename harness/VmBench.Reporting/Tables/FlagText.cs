using VmBench.Core.Results;

namespace VmBench.Reporting.Tables;

/// <summary>A cell's flags as every output prints them: short badges and the full reasons, from run.json's <see cref="CellFlags"/> alone.</summary>
internal static class FlagText
{
    /// <summary>"unsteady", "client-bound (client saturated)", "client-bound (client and server saturated)", "rate not met (server saturated)".</summary>
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
            badges.Add(Bound(flags));
        }

        return badges;
    }

    /// <summary>"client-bound (client saturated)"; a constant-rate plan the server could not keep up with: "rate not met (server saturated)"; neither side's CPU at capacity: "rate not met".</summary>
    private static string Bound(CellFlags flags) => flags.Saturated switch
    {
        null => "rate not met",
        "server" => "rate not met (server saturated)",
        var side => $"client-bound ({side} saturated)",
    };

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
            notes.Add($"{Bound(flags)}: {flags.ClientBoundReason}");
        }

        return string.Join("; ", notes);
    }
}
