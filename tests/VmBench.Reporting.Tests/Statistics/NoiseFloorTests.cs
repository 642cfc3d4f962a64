using VmBench.Reporting.Statistics;

namespace VmBench.Reporting.Tests.Statistics;

[Trait(Tier.Key, Tier.Fast)]
public sealed class NoiseFloorTests
{
    private const double T975Df2 = 4.302652729696; // Student t, 97.5 % quantile, 2 degrees of freedom

    [Fact]
    public void The_floor_is_the_largest_distance_of_an_aa_interval_bound_from_one()
    {
        // Cell 1: B/A = 1.01, 0.99, 1.00. Cell 2: 1.002, 0.998, 1.000 (five times tighter).
        var floor = NoiseFloor.FromAa(
        [
            (Arm(100, 100, 100), Arm(101, 99, 100)),
            (Arm(100, 100, 100), Arm(100.2, 99.8, 100)),
        ]);

        var logs = new[] { Math.Log(1.01), Math.Log(0.99), 0 };
        var mean = logs.Average();
        var half = T975Df2 * Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / 2) / Math.Sqrt(3);
        var expected = Math.Max(Math.Exp(mean + half) - 1, 1 - Math.Exp(mean - half));
        Assert.NotNull(floor.Fraction);
        Assert.Equal(expected, floor.Fraction!.Value, 6);
        Assert.InRange(floor.Fraction.Value, 0.024, 0.026);
        Assert.Equal(2, floor.Cells);
        Assert.Equal(3, floor.Trials);
        Assert.Equal("±2.5 %", floor.ToString());
    }

    [Fact]
    public void A_bias_between_the_arms_widens_the_floor()
    {
        var unbiased = NoiseFloor.FromAa([(Arm(100, 100, 100), Arm(100.5, 99.5, 100))]);
        var biased = NoiseFloor.FromAa([(Arm(100, 100, 100), Arm(103.5, 102.5, 103))]);

        Assert.True(biased.Fraction > unbiased.Fraction + 0.025);
    }

    [Fact]
    public void More_trials_lower_the_floor()
    {
        var simulated = new Simulated(21);
        NoiseFloor Floor(int trials) => NoiseFloor.FromAa(Enumerable.Range(0, 6).Select(_ => (Arm(simulated.Trials(trials, 100, 0.02)), Arm(simulated.Trials(trials, 100, 0.02)))).ToList());

        var three = Floor(3);
        var ten = Floor(10);

        Assert.Equal(3, three.Trials);
        Assert.Equal(10, ten.Trials);
        Assert.True(ten.Fraction < three.Fraction / 2, $"{ten} vs {three}");
        Assert.InRange(ten.Fraction!.Value, 0.01, 0.05); // 2 % CV per arm: about 2.8 % per ratio, t interval over 10 trials
    }

    [Fact]
    public void Cells_without_an_interval_are_skipped()
    {
        var floor = NoiseFloor.FromAa([(Arm(100, null, null), Arm(101, 99, 100)), (Arm(100, 100), Arm(101, 99))]);
        var none = NoiseFloor.FromAa([(Arm(100), Arm(101))]);

        Assert.Equal(1, floor.Cells);
        Assert.Equal(1, floor.SkippedCells);
        Assert.Equal(2, floor.Trials);
        Assert.Null(none.Fraction);
        Assert.Equal("unknown (too few trials)", none.ToString());
    }

    private static IReadOnlyList<double?> Arm(params double?[] values) => values;

    private static IReadOnlyList<double?> Arm(double[] values) => values.Select(v => (double?)v).ToList();
}
