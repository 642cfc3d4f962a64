namespace VmBench.Reporting.Statistics;

/// <summary>
/// The smallest relative difference this machine resolves at this trial count, measured by an A/A run: the
/// reference measured against itself as two arms (two "servers" that are the same), paired per trial, in several
/// cells.
/// </summary>
/// <remarks>
/// <para>
/// <b>Definition.</b> For each A/A cell, the paired ratio B/A of <see cref="PairedComparison"/> (median over trials,
/// 95 % t interval of the geometric-mean ratio). The noise floor is the largest distance from 1.0 of any interval
/// bound over the cells: f = max over cells of max(Upper − 1, 1 − Lower). Since the two arms are the same server,
/// every such distance is noise (trial-to-trial spread, plus any bias of an arm's position in the trial order);
/// a ratio between two servers whose interval stays within 1 ± f is not resolvable from that noise on this machine.
/// </para>
/// <para>
/// It depends on the trial count: the interval narrows with more trials (t quantile and √n), so a floor is valid
/// for runs with at least <see cref="Trials"/> trials per cell. Cells with too few complete trials for an interval
/// are not used (<see cref="SkippedCells"/>); with none left, <see cref="Fraction"/> is null.
/// </para>
/// </remarks>
public sealed class NoiseFloor
{
    private NoiseFloor(double? fraction, int cells, int skippedCells, int trials)
    {
        Fraction = fraction;
        Cells = cells;
        SkippedCells = skippedCells;
        Trials = trials;
    }

    /// <summary>The noise floor as a fraction (0.02 = 2 %); null when no A/A cell had an interval.</summary>
    public double? Fraction { get; }

    /// <summary>The A/A cells the floor was taken over.</summary>
    public int Cells { get; }

    /// <summary>The A/A cells left out for too few complete trials.</summary>
    public int SkippedCells { get; }

    /// <summary>The fewest complete trials in a cell used (the floor holds at this trial count); 0 without a cell.</summary>
    public int Trials { get; }

    /// <summary>The noise floor from the paired ratios B/A of the A/A cells (from <see cref="PairedComparison.Compare(IReadOnlyList{double?}, IReadOnlyList{double?})"/>).</summary>
    public static NoiseFloor FromAa(IEnumerable<PairedRatio> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var all = cells.ToList();
        var used = all.Where(c => c.HasInterval).ToList();
        if (used.Count == 0)
        {
            return new NoiseFloor(null, 0, all.Count, 0);
        }

        var fraction = used.Max(c => Math.Max(c.Upper!.Value - 1, 1 - c.Lower!.Value));
        return new NoiseFloor(Math.Max(0, fraction), used.Count, all.Count - used.Count, used.Min(c => c.Trials));
    }

    /// <summary>The noise floor from the two arms of each A/A cell, one value per trial (null for a missing or failed trial), paired by <paramref name="comparison"/>.</summary>
    /// <param name="cells">Per cell, arm A's and arm B's values in trial order.</param>
    /// <param name="comparison">The paired comparison (its α sets the interval level); <see cref="PairedComparison.Default"/> when null.</param>
    public static NoiseFloor FromAa(IEnumerable<(IReadOnlyList<double?> A, IReadOnlyList<double?> B)> cells, PairedComparison? comparison = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        comparison ??= PairedComparison.Default;
        return FromAa(cells.Select(c => comparison.Compare(c.A, c.B)).ToList());
    }

    /// <summary>"±2.3 %" style, or "unknown (too few trials)".</summary>
    public override string ToString() =>
        Fraction is { } f ? "±" + (f * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %" : "unknown (too few trials)";
}
