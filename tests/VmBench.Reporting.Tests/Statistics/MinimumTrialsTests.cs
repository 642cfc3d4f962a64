using VmBench.Reporting.Statistics;

namespace VmBench.Reporting.Tests.Statistics;

[Trait(Tier.Key, Tier.Fast)]
public sealed class MinimumTrialsTests
{
    [Theory]
    [InlineData(0.025, 4)] // 1/C(6,3) = 0.05, 1/C(8,4) = 0.0143
    [InlineData(0.05, 4)] // 0.05 is not below 0.05
    [InlineData(0.1, 3)]
    [InlineData(0.2, 2)] // 1/C(4,2) = 0.167
    [InlineData(0.005, 5)] // 1/C(10,5) = 0.00397
    public void Mann_Whitney_needs_the_smallest_n_whose_most_extreme_arrangement_is_significant(double oneSidedAlpha, int expected)
    {
        Assert.Equal(expected, MinimumTrials.MannWhitneyPerSide(oneSidedAlpha));
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.001)]
    public void The_paired_t_test_needs_one_degree_of_freedom(double alpha)
    {
        Assert.Equal(2, MinimumTrials.PairedStudent(alpha));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void A_significance_level_is_in_the_open_unit_interval(double alpha)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MinimumTrials.MannWhitneyPerSide(alpha));
        Assert.Throws<ArgumentOutOfRangeException>(() => MinimumTrials.PairedStudent(alpha));
    }
}
