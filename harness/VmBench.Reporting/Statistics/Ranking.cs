namespace VmBench.Reporting.Statistics;

/// <summary>
/// Ranks items by median, higher first, and groups into ties the items whose confidence intervals overlap.
/// </summary>
/// <remarks>
/// <para>
/// <b>Ties are transitive along the chain.</b> The groups are the connected components of the "intervals overlap"
/// relation (closed intervals; touching counts as overlapping): if A overlaps B and B overlaps C, then A, B and C
/// are one group even when A and C do not overlap. A group therefore means "cannot be put in order", not "every
/// pair is indistinguishable". Groups never interleave: every interval of a group lies wholly below every interval
/// of the groups above it.
/// </para>
/// <para>
/// <b>Ranks</b> are competition ranks: every item of a group gets 1 + the number of items in the groups above
/// (1, 2, 2, 4). Within a group items are listed by median, higher first (then by name).
/// </para>
/// <para>
/// <b>Items without an interval</b> (too few trials) are not ranked: they are listed after the groups, by median,
/// with <see cref="RankedItem.Rank"/> null, and they join no group (an interval-less item cannot be said to overlap
/// or not).
/// </para>
/// <para>
/// <b>The ceiling.</b> With a noise floor f (<see cref="NoiseFloor.Fraction"/>), an item whose median ratio to the
/// reference (<see cref="RankItem.RatioToReference"/>) is at least 1 − f is <see cref="RankedItem.AtCeiling"/>:
/// it is as fast as the reference within what this machine resolves, or faster. All such items form one group,
/// ranked first, "at this machine's ceiling", and are not ranked against each other (with or without an
/// interval); the other items are ranked below it as above. Items without a ratio are never at the ceiling.
/// </para>
/// </remarks>
public sealed class Ranking
{
    private Ranking(IReadOnlyList<TieGroup> groups, IReadOnlyList<RankItem> unranked)
    {
        Groups = groups;
        Unranked = unranked;
        Items = groups
            .SelectMany(g => g.Items.Select(i => new RankedItem(i, g.Rank, g.Tied, g.AtCeiling)))
            .Concat(unranked.Select(i => new RankedItem(i, null, false, false)))
            .ToList();
    }

    /// <summary>The groups in rank order; the ceiling group, if any, first.</summary>
    public IReadOnlyList<TieGroup> Groups { get; }

    /// <summary>The items without an interval and not at the ceiling, higher median first.</summary>
    public IReadOnlyList<RankItem> Unranked { get; }

    /// <summary>Every item in display order: the groups in rank order, then the unranked.</summary>
    public IReadOnlyList<RankedItem> Items { get; }

    /// <summary>Ranks <paramref name="items"/>.</summary>
    /// <param name="items">What to rank; names should be unique.</param>
    /// <param name="noiseFloor">The noise floor as a fraction (e.g. 0.02), to mark the items at the ceiling; null for no ceiling.</param>
    public static Ranking Of(IEnumerable<RankItem> items, double? noiseFloor = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (noiseFloor is { } f && !(f >= 0 && f < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseFloor), noiseFloor, "a noise floor is a fraction in [0, 1)");
        }

        var all = items.ToList();
        foreach (var item in all)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
            if (item.HasInterval && !(item.Lower <= item.Upper))
            {
                throw new ArgumentException($"{item.Name}: the interval [{item.Lower}, {item.Upper}] is not ordered", nameof(items));
            }
        }

        bool Ceiling(RankItem i) => noiseFloor is { } f && i.RatioToReference is { } r && r >= 1 - f;
        var atCeiling = all.Where(Ceiling).ToList();
        var rest = all.Where(i => !Ceiling(i)).ToList();
        var ranked = rest.Where(i => i.HasInterval).ToList();
        var groups = new List<TieGroup>();
        var above = 0;
        if (atCeiling.Count > 0)
        {
            groups.Add(new TieGroup(1, true, ByMedian(atCeiling)));
            above = atCeiling.Count;
        }

        // Merge overlapping intervals from the top: an item joins the current group when its interval reaches the
        // lowest bound seen in the group so far (the group's interval union is contiguous).
        var current = new List<RankItem>();
        var groupLower = double.PositiveInfinity;
        foreach (var item in ranked.OrderByDescending(i => i.Upper!.Value).ThenByDescending(i => i.Median).ThenBy(i => i.Name, StringComparer.Ordinal))
        {
            if (current.Count > 0 && item.Upper!.Value < groupLower)
            {
                groups.Add(new TieGroup(above + 1, false, ByMedian(current)));
                above += current.Count;
                current = [];
                groupLower = double.PositiveInfinity;
            }

            current.Add(item);
            groupLower = Math.Min(groupLower, item.Lower!.Value);
        }

        if (current.Count > 0)
        {
            groups.Add(new TieGroup(above + 1, false, ByMedian(current)));
        }

        return new Ranking(groups, ByMedian(rest.Where(i => !i.HasInterval)));
    }

    private static List<RankItem> ByMedian(IEnumerable<RankItem> items) =>
        items.OrderByDescending(i => i.Median).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();
}
