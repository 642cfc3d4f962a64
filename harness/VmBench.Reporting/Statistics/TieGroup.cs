namespace VmBench.Reporting.Statistics;

/// <summary>Items that cannot be ordered against each other: a chain of overlapping intervals, or everything at the machine's ceiling.</summary>
/// <param name="Rank">The rank all its items share (competition ranking: 1 + the number of items in the groups above).</param>
/// <param name="AtCeiling">True for the one group "at this machine's ceiling" (ratio to the reference within the noise floor of 1 or above).</param>
/// <param name="Items">Its items, higher median first.</param>
public sealed record TieGroup(int Rank, bool AtCeiling, IReadOnlyList<RankItem> Items)
{
    /// <summary>Whether the group holds more than one item.</summary>
    public bool Tied => Items.Count > 1;
}
