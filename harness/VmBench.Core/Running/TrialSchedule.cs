namespace VmBench.Core.Running;

/// <summary>
/// Randomized multiple interleaved trials (Abedi and Brecht, ICPE 2017): every trial measures every cell once, in
/// a fresh random order, so whatever the machine does at one moment is spread over all servers instead of being
/// charged to the one measured then. The order of trial <c>t</c> depends only on the seed and <c>t</c>.
/// </summary>
public static class TrialSchedule
{
    /// <summary>The order of trial <paramref name="trial"/> (from 1): a permutation of <paramref name="cells"/>.</summary>
    public static IReadOnlyList<Cell> Order(IReadOnlyList<Cell> cells, int seed, int trial)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(trial, 1);

        // System.Random with a seed is the documented, version-stable generator; each trial gets its own seed.
        var random = new Random(unchecked((int)(((uint)seed * 2654435761u) ^ ((uint)trial * 40503u))));
        var order = cells.ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
