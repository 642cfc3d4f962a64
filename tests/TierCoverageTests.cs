namespace VmBench.Testing.Tiers;

/// <summary>Compiled into every test project (tests/Directory.Build.targets): each of its test classes has exactly one <see cref="Tier"/>.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class TierCoverageTests
{
    [Fact]
    public void Every_test_class_has_exactly_one_tier() => Assert.Empty(Tier.Problems(typeof(TierCoverageTests).Assembly));
}
