using VmBench.Reporting.Statistics;

namespace VmBench.Reporting.Tests.Statistics;

[Trait(Tier.Key, Tier.Fast)]
public sealed class ChangeTestTests
{
    [Fact]
    public void Identical_distributions_are_called_different_in_at_most_five_percent()
    {
        var rate = new Simulated(1).Rate(s => ChangeTest.Default.Compare(s.Trials(8, 50_000, 0.03), s.Trials(8, 50_000, 0.03), higherIsBetter: true).Kind != Verdict.NoResolvableDifference);

        // The 5 % minimum effect is in the null hypothesis: no change at all is far from it.
        Assert.InRange(rate, 0, 0.01);
    }

    [Fact]
    public void At_threshold_zero_both_directions_together_keep_the_significance_level()
    {
        // Only the test's level is left here (0.05 for both directions; each one-sided test at 0.025). 2,000
        // repetitions leave ±0.5 % of sampling error, enough to catch each direction run at 0.05 (about 8-10 %).
        var rate = new Simulated(1).Rate(s => new ChangeTest(0).Compare(s.Trials(8, 50_000, 0.03), s.Trials(8, 50_000, 0.03), higherIsBetter: true).Kind != Verdict.NoResolvableDifference, repetitions: 2_000);

        Assert.InRange(rate, 0, 0.06);
    }

    [Theory]
    [InlineData(0.10, true, Verdict.Faster)]
    [InlineData(-0.10, true, Verdict.Slower)]
    [InlineData(0.10, false, Verdict.Slower)]
    public void A_ten_percent_shift_is_called_in_at_least_ninety_percent(double shift, bool higherIsBetter, Verdict expected)
    {
        // 8 trials at 2 % CV. The test asks "changed by more than the 5 % threshold?", so a 10 % shift is only 5 %
        // beyond its null; at 3 % CV 8 trials call it about 80 % of the time, 12 trials about 90 %.
        var rate = new Simulated(2).Rate(s => ChangeTest.Default.Compare(s.Trials(8, 50_000, 0.02), s.Trials(8, 50_000 * (1 + shift), 0.02), higherIsBetter).Kind == expected);

        Assert.InRange(rate, 0.9, 1);
    }

    [Fact]
    public void A_ten_percent_shift_at_three_percent_noise_is_called_in_ninety_percent_with_twelve_trials()
    {
        var rate = new Simulated(3).Rate(s => ChangeTest.Default.Compare(s.Trials(12, 100, 0.03), s.Trials(12, 110, 0.03), higherIsBetter: true).Kind == Verdict.Faster);

        Assert.InRange(rate, 0.9, 1);
    }

    [Fact]
    public void Below_the_needed_trials_even_a_doubling_gives_no_verdict()
    {
        var test = ChangeTest.Default;
        Assert.Equal(4, test.MinimumTrials);

        var three = test.Compare([100, 101, 102], [200, 201, 202], higherIsBetter: true);
        var mixed = test.Compare([100, 101, 102, 103], [200, 201, 202], higherIsBetter: true);
        var four = test.Compare([100, 101, 102, 103], [200, 201, 202, 203], higherIsBetter: true);

        Assert.Equal(ChangeVerdict.TooFewTrials(4), three);
        Assert.Equal("too few trials (need 4)", VerdictText.Of(three));
        Assert.Equal(Verdict.TooFewTrials, mixed.Kind);
        Assert.Equal(ChangeVerdict.Faster, four);
        Assert.Null(four.NeedTrials);
    }

    [Fact]
    public void The_needed_trials_follow_the_significance_level()
    {
        var loose = new ChangeTest(alpha: 0.2);

        Assert.Equal(3, loose.MinimumTrials);
        Assert.Equal(Verdict.Faster, loose.Compare([100, 101, 102], [200, 201, 202], higherIsBetter: true).Kind);
        Assert.Equal(ChangeVerdict.TooFewTrials(3), loose.Compare([100, 101], [200, 201], higherIsBetter: true));
    }

    [Fact]
    public void A_shift_the_test_cannot_resolve_is_not_called_even_at_threshold_zero()
    {
        // Perfolizer 0.6.1's equivalence test calls any shift "greater" at threshold 0 without testing; these
        // interleaved samples are nowhere near significant.
        var verdict = new ChangeTest(0).Compare([100, 102, 104, 106], [101, 103, 105, 107], higherIsBetter: true);

        Assert.Equal(ChangeVerdict.NoResolvableDifference, verdict);
        Assert.Equal("no resolvable difference", VerdictText.Of(verdict));
    }

    [Fact]
    public void A_change_under_the_threshold_is_never_called()
    {
        var verdict = ChangeTest.Default.Compare([100, 100.1, 100.2, 100.3, 100.4], [103, 103.1, 103.2, 103.3, 103.4], higherIsBetter: true);

        Assert.Equal(Verdict.NoResolvableDifference, verdict.Kind);
        Assert.Equal(Verdict.Faster, new ChangeTest(2).Compare([100, 100.1, 100.2, 100.3, 100.4], [103, 103.1, 103.2, 103.3, 103.4], higherIsBetter: true).Kind);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    [InlineData(double.NaN)]
    public void A_threshold_is_a_percentage(double thresholdPercent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChangeTest(thresholdPercent));
    }
}
