namespace VmBench.Reporting.Statistics;

/// <summary>An item with its place in a <see cref="Ranking"/>.</summary>
/// <param name="Item">The item.</param>
/// <param name="Rank">Its rank (shared by its tie group); null when unranked (no interval and not at the ceiling).</param>
/// <param name="Tied">Whether it shares its group with other items.</param>
/// <param name="AtCeiling">Whether it is at this machine's ceiling.</param>
public sealed record RankedItem(RankItem Item, int? Rank, bool Tied, bool AtCeiling);
