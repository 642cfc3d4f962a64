using VmBench.Load.Internal;

namespace VmBench.Load.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class RateSwingTests
{
    [Fact]
    public void SteadySecondsAreNoSwing()
    {
        Assert.Null(LoadSession.RateSwing([35_000, 34_100, 36_500, 30_000]));
    }

    [Fact]
    public void SecondsAtHalfTheRateAreReportedWithTheRange()
    {
        var swing = LoadSession.RateSwing([35_500, 35_000, 17_000, 16_800]);

        Assert.NotNull(swing);
        Assert.Contains("16,800 to 35,500 requests/s", swing);
        Assert.Contains("2.1x", swing);
    }

    [Fact]
    public void ASecondWithoutACompletedRequestIsASwing()
    {
        Assert.Contains("0 to 20,000 requests/s", LoadSession.RateSwing([20_000, 0]));
    }

    [Fact]
    public void OneFullSecondCannotSwing()
    {
        Assert.Null(LoadSession.RateSwing([12_000]));
        Assert.Null(LoadSession.RateSwing([]));
    }
}
