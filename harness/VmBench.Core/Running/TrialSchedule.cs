namespace VmBench.Core.Running;

/// <summary>
/// Randomized multiple interleaved trials (Abedi and Brecht, ICPE 2017): every trial measures every cell once, in
/// a fresh random order, so whatever the machine does at one moment is spread over all servers instead of being
/// charged to the one measured then. The order of trial <c>t</c> depends only on the seed and <c>t</c>.
/// </summary>
/// <remarks>
/// The order is randomized in blocks (a randomized block design): the cells that share a protocol, a payload size
/// and a concurrency (the reference's cell among them) are measured one after the other, in a random order, and the
/// blocks come in a random order too. Every cell is paired with the reference's cell of its block in the same trial,
/// so the pair is measured at most a block apart (a handful of cells, seconds) instead of up to a whole trial apart
/// (minutes, over which this kind of machine drifts by tens of percent): the paired ratio sees less of the drift.
/// </remarks>
public static class TrialSchedule
{
    /// <summary>The order of trial <paramref name="trial"/> (from 1): a permutation of <paramref name="cells"/>, block by block.</summary>
    public static IReadOnlyList<Cell> Order(IReadOnlyList<Cell> cells, int seed, int trial)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(trial, 1);

        // System.Random with a seed is the documented, version-stable generator; each trial gets its own seed.
        var random = new Random(unchecked((int)(((uint)seed * 2654435761u) ^ ((uint)trial * 40503u))));
        var blocks = cells.GroupBy(Block).Select(g => g.ToArray()).ToArray();
        Shuffle(blocks, random);
        foreach (var block in blocks)
        {
            Shuffle(block, random);
        }

        return blocks.SelectMany(b => b).ToArray();
    }

    /// <summary>The block a cell is measured in: the cells the same reference cell pairs with.</summary>
    public static (Model.Protocol Protocol, int Size, int Concurrency) Block(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return (cell.Benchmark.Protocol, cell.Size, cell.Concurrency);
    }

    /// <summary>Fisher-Yates, in place.</summary>
    internal static void Shuffle<T>(T[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
