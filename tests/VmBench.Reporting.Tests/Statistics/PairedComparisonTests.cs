using VmBench.Reporting.Statistics;

namespace VmBench.Reporting.Tests.Statistics;

[Trait(Tier.Key, Tier.Fast)]
public sealed class PairedComparisonTests
{
    [Fact]
    public void Identical_distributions_are_called_different_in_at_most_five_percent()
    {
        var rate = new Simulated(11).Rate(s => PairedComparison.Default.Compare(s.Trials(4, 50_000, 0.03), s.Trials(4, 50_000, 0.03)).Verdict != PairedVerdict.NoResolvableDifference);

        Assert.InRange(rate, 0, 0.05);
    }

    [Fact]
    public void Without_a_minimum_effect_the_test_keeps_its_significance_level()
    {
        // 2,000 repetitions of 4 trials: ±0.5 % of sampling error around the level 0.05.
        var comparison = new PairedComparison(minimumEffect: 0);

        var rate = new Simulated(11).Rate(s => comparison.Compare(s.Trials(4, 50_000, 0.03), s.Trials(4, 50_000, 0.03)).Verdict != PairedVerdict.NoResolvableDifference, repetitions: 2_000);

        Assert.InRange(rate, 0.035, 0.06);
    }

    [Theory]
    [InlineData(0.10, PairedVerdict.Higher)]
    [InlineData(-0.10, PairedVerdict.Lower)]
    public void A_ten_percent_shift_at_three_percent_noise_in_six_trials_is_called_in_at_least_ninety_percent(double shift, PairedVerdict expected)
    {
        var rate = new Simulated(12).Rate(s => PairedComparison.Default.Compare(s.Trials(6, 50_000, 0.03), s.Trials(6, 50_000 * (1 + shift), 0.03)).Verdict == expected);

        Assert.InRange(rate, 0.9, 1);
    }

    [Fact]
    public void Pairing_cancels_drift_between_trials()
    {
        // Each trial the machine is up to ±15 % faster or slower for both servers alike: unpaired, the 10 % shift
        // drowns in it; paired by trial it is called every time.
        var paired = 0;
        var unpaired = 0;
        var random = new Random(13);
        for (var i = 0; i < 100; i++)
        {
            var drift = Enumerable.Range(0, 6).Select(_ => 1 + (0.3 * (random.NextDouble() - 0.5))).ToArray();
            var x = drift.Select(d => 50_000 * d * (1 + (0.01 * (random.NextDouble() - 0.5)))).ToArray();
            var y = drift.Select(d => 55_000 * d * (1 + (0.01 * (random.NextDouble() - 0.5)))).ToArray();
            paired += PairedComparison.Default.Compare(x, y).Verdict == PairedVerdict.Higher ? 1 : 0;
            unpaired += ChangeTest.Default.Compare(x, y, higherIsBetter: true).Kind == Verdict.Faster ? 1 : 0;
        }

        Assert.Equal(100, paired);
        Assert.InRange(unpaired, 0, 30);
    }

    [Fact]
    public void The_ratio_is_the_median_with_a_t_interval_of_the_geometric_mean()
    {
        var ratio = PairedComparison.Default.Compare([100, 100, 100], [101, 99, 100]);

        Assert.Equal(3, ratio.Trials);
        Assert.Equal(1.0, ratio.Median!.Value, 12);
        var logs = new[] { Math.Log(1.01), Math.Log(0.99), 0 };
        var mean = logs.Average();
        var sd = Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / 2);
        const double t975df2 = 4.302652729696; // Student t, 97.5 % quantile, 2 degrees of freedom
        Assert.Equal(Math.Exp(mean), ratio.GeometricMean!.Value, 12);
        Assert.Equal(Math.Exp(mean - (t975df2 * sd / Math.Sqrt(3))), ratio.Lower!.Value, 6);
        Assert.Equal(Math.Exp(mean + (t975df2 * sd / Math.Sqrt(3))), ratio.Upper!.Value, 6);
        Assert.Equal(PairedVerdict.NoResolvableDifference, ratio.Verdict);
        Assert.Equal("no resolvable difference", ratio.VerdictText);
    }

    [Fact]
    public void The_interval_excludes_one_exactly_when_the_test_rejects()
    {
        var comparison = new PairedComparison(minimumEffect: 0);
        var simulated = new Simulated(14);
        for (var i = 0; i < 200; i++)
        {
            var ratio = comparison.Compare(simulated.Trials(4, 100, 0.03), simulated.Trials(4, 104, 0.03));

            Assert.Equal(ratio.PValue < 0.05, ratio.Lower > 1 || ratio.Upper < 1);
        }
    }

    [Fact]
    public void A_difference_under_the_minimum_effect_is_not_called()
    {
        double[] x = [100, 200, 300, 400];
        double[] y = [103, 206.2, 308.7, 412.1];

        Assert.Equal(PairedVerdict.NoResolvableDifference, PairedComparison.Default.Compare(x, y).Verdict);
        Assert.Equal(PairedVerdict.Higher, new PairedComparison(minimumEffect: 0.01).Compare(x, y).Verdict);
        Assert.Equal(PairedVerdict.Lower, new PairedComparison(minimumEffect: 0.01).Compare(y, x).Verdict);
        Assert.Equal("lower", new PairedComparison(minimumEffect: 0.01).Compare(y, x).VerdictText);
    }

    [Fact]
    public void Trials_missing_on_either_side_are_dropped()
    {
        double?[] x = [100, null, 100, double.NaN, 100, 0];
        double?[] y = [110, 110, null, 110, 111, 110];

        var ratio = PairedComparison.Default.Compare(x, y);

        Assert.Equal(2, ratio.Trials);
        Assert.Equal(1.105, ratio.Median!.Value, 9);
        Assert.True(ratio.HasInterval);
    }

    [Fact]
    public void Below_the_needed_trials_there_is_no_interval_and_no_verdict()
    {
        var one = PairedComparison.Default.Compare([100.0, double.NaN], [200.0, 200]);
        var none = PairedComparison.Default.Compare(Array.Empty<double>(), Array.Empty<double>());
        var two = PairedComparison.Default.Compare([100.0, 100], [200.0, 200.2]);

        Assert.Equal(PairedVerdict.TooFewTrials, one.Verdict);
        Assert.Equal(2, one.NeedTrials);
        Assert.Equal("too few trials (need 2)", one.VerdictText);
        Assert.Equal(2.0, one.Median);
        Assert.Null(one.Lower);
        Assert.Null(one.PValue);
        Assert.Equal(0, none.Trials);
        Assert.Null(none.Median);
        Assert.Equal(PairedVerdict.TooFewTrials, none.Verdict);
        Assert.Equal(PairedVerdict.Higher, two.Verdict);
        Assert.Null(two.NeedTrials);
    }

    [Fact]
    public void Paired_values_come_one_per_trial_from_both_sides()
    {
        Assert.Throws<ArgumentException>(() => PairedComparison.Default.Compare([1.0, 2], [1.0]));
    }
}
