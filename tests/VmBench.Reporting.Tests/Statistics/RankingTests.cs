using VmBench.Reporting.Statistics;

namespace VmBench.Reporting.Tests.Statistics;

[Trait(Tier.Key, Tier.Fast)]
public sealed class RankingTests
{
    [Fact]
    public void Disjoint_intervals_rank_in_order_and_overlapping_ones_tie()
    {
        var ranking = Ranking.Of(
        [
            new RankItem("c", 80, 78, 82),
            new RankItem("a", 100, 98, 102),
            new RankItem("b", 90, 87, 93),
            new RankItem("b2", 91, 89, 95),
        ]);

        Assert.Equal([("a", 1, false), ("b2", 2, true), ("b", 2, true), ("c", 4, false)], ranking.Items.Select(i => (i.Item.Name, i.Rank!.Value, i.Tied)));
        Assert.Equal(3, ranking.Groups.Count);
        Assert.Empty(ranking.Unranked);
    }

    [Fact]
    public void Overlap_is_transitive_along_the_chain()
    {
        // a overlaps b, b overlaps c, a and c are disjoint: one group of three. d touches c's bound: joins too.
        var ranking = Ranking.Of(
        [
            new RankItem("a", 100, 97, 103),
            new RankItem("b", 95, 92, 98),
            new RankItem("c", 90, 88, 93),
            new RankItem("d", 85, 80, 88),
            new RankItem("e", 70, 65, 79.9),
        ]);

        var top = ranking.Groups[0];
        Assert.Equal(["a", "b", "c", "d"], top.Items.Select(i => i.Name));
        Assert.True(top.Tied);
        Assert.Equal(1, top.Rank);
        Assert.Equal(5, ranking.Groups[1].Rank);
        Assert.Equal(["e"], ranking.Groups[1].Items.Select(i => i.Name));
    }

    [Fact]
    public void The_chain_does_not_depend_on_the_input_order()
    {
        RankItem[] items = [new("wide", 90, 60, 120), new("top", 110, 108, 112), new("low", 70, 65, 75), new("lowest", 50, 45, 55)];

        var forward = Ranking.Of(items);
        var backward = Ranking.Of(items.Reverse());

        // "wide" reaches both "top" and "low": all three tie; "lowest" is below everything.
        Assert.Equal(["top", "wide", "low"], forward.Groups[0].Items.Select(i => i.Name));
        Assert.Equal(forward.Items, backward.Items);
        Assert.Equal(4, forward.Items.Single(i => i.Item.Name == "lowest").Rank);
    }

    [Fact]
    public void Items_without_an_interval_are_unranked()
    {
        var ranking = Ranking.Of([new RankItem("few", 200, null, null), new RankItem("a", 100, 98, 102), new RankItem("b", 50, 48, 52)]);

        Assert.Equal(["few"], ranking.Unranked.Select(i => i.Name));
        var few = ranking.Items[^1];
        Assert.Equal("few", few.Item.Name);
        Assert.Null(few.Rank);
        Assert.False(few.Tied);
        Assert.Equal([1, 2], ranking.Groups.Select(g => g.Rank));
    }

    [Fact]
    public void Items_at_the_ceiling_form_one_unordered_group_ranked_first()
    {
        // Noise floor 2 %: ratios 0.98 and above are at the ceiling, whatever their intervals (even none).
        var ranking = Ranking.Of(
            [
                new RankItem("c-like", 100_000, 99_000, 101_000, RatioToReference: 1.0),
                new RankItem("faster", 104_000, 103_000, 105_000, RatioToReference: 1.04),
                new RankItem("close", 98_500, null, null, RatioToReference: 0.985),
                new RankItem("below", 90_000, 89_000, 91_000, RatioToReference: 0.90),
                new RankItem("unknown", 95_000, 94_000, 96_000),
            ],
            noiseFloor: 0.02);

        var ceiling = ranking.Groups[0];
        Assert.True(ceiling.AtCeiling);
        Assert.Equal(1, ceiling.Rank);
        Assert.Equal(["faster", "c-like", "close"], ceiling.Items.Select(i => i.Name));
        Assert.All(ranking.Items.Take(3), i => Assert.True(i.AtCeiling && i.Tied && i.Rank == 1));
        Assert.Equal([("unknown", 4), ("below", 5)], ranking.Items.Skip(3).Select(i => (i.Item.Name, i.Rank!.Value)));
        Assert.All(ranking.Items.Skip(3), i => Assert.False(i.AtCeiling));
        Assert.Empty(ranking.Unranked);
    }

    [Fact]
    public void Without_a_noise_floor_nothing_is_at_the_ceiling()
    {
        var ranking = Ranking.Of([new RankItem("a", 100, 99, 101, RatioToReference: 1.2)]);

        Assert.False(Assert.Single(ranking.Items).AtCeiling);
    }

    [Fact]
    public void An_interval_must_be_ordered()
    {
        Assert.Throws<ArgumentException>(() => Ranking.Of([new RankItem("a", 100, 101, 99)]));
    }
}
