using VmBench.Core.Results;
using VmBench.Core.Running;

namespace VmBench.Core.Tests.Running;

[Trait(Tier.Key, Tier.Fast)]
public sealed class SteadyStateTests
{
    private static readonly WarmupPolicy s_policy = new(4, 30, 4, 5);

    [Fact]
    public void A_plateau_is_steady_once_the_minimum_time_has_passed()
    {
        Assert.False(SteadyState.IsSteady([100, 100, 100], s_policy));
        Assert.True(SteadyState.IsSteady([100, 100, 100, 100], s_policy));
    }

    [Fact]
    public void A_ramp_is_not_steady_even_when_each_step_is_small()
    {
        // +2.5 % a second: the CV of 4 values is under 5 %, but the drift across the window is 7 %.
        double[] ramp = [100, 102.5, 105, 107.5, 110, 112.5, 115];
        Assert.False(SteadyState.IsSteady(ramp, s_policy));
        Assert.InRange(SteadyState.Window(ramp, 4)!.Value.Cv, 0, 5);
    }

    [Fact]
    public void Noise_within_the_bound_is_steady_and_beyond_it_is_not()
    {
        Assert.True(SteadyState.IsSteady([97, 103, 99, 101, 98, 102], s_policy));
        Assert.False(SteadyState.IsSteady([90, 110, 92, 108, 91, 109], s_policy));
    }

    [Fact]
    public void A_step_is_unsteady_until_the_window_has_passed_it()
    {
        double[] step = [100, 100, 100, 100, 125, 125, 125];
        for (var n = 5; n <= 7; n++)
        {
            Assert.False(SteadyState.IsSteady(step[..n], s_policy), $"after {n} s");
        }

        Assert.True(SteadyState.IsSteady([.. step, 125], s_policy));
    }

    [Theory]
    [InlineData(new double[] { 800, 1000, 1200 }, 40)]
    [InlineData(new double[] { 1200, 1100, 1000, 900 }, -28.5714)]
    [InlineData(new double[] { 800, 1200 }, 40)] // two seconds (the default measurement) can trend
    public void A_measurement_moving_one_way_by_more_than_15_percent_trends(double[] series, double percent)
    {
        Assert.Equal(percent, SteadyState.Trend(series)!.Value, 3);
    }

    [Theory]
    [InlineData(new double[] { 1000, 1100, 1050 })]
    [InlineData(new double[] { 1000, 1050, 1100 })]
    [InlineData(new double[] { 1000, 1100 })]
    [InlineData(new double[] { 1000 })]
    public void Noise_a_small_drift_or_too_few_seconds_do_not_trend(double[] series)
    {
        Assert.Null(SteadyState.Trend(series));
    }
}
