using System.Reflection;

namespace VmBench.Conformance.Tests;

/// <summary>The suite wraps every check of the contract, each under the check's own name: none is left out of `dotnet test`.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class ContractCoverageTests
{
    [Fact]
    public void Every_contract_check_has_a_conformance_test_of_its_name()
    {
        var tests = typeof(ContractCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttribute<TheoryAttribute>() is not null)
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(ServerContract.All, check => Assert.Contains(check.Name, tests));
    }
}
