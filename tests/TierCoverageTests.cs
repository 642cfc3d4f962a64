namespace VmBench.Testing.Tiers;

/// <summary>Compiled into every test project (tests/Directory.Build.targets): each of its test classes has exactly one <see cref="Tier"/>.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class TierCoverageTests
{
    [Fact]
    public void Every_test_class_has_exactly_one_tier()
    {
        var problems = Tier.Problems(typeof(TierCoverageTests).Assembly);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
