using VmBench.Core.Catalog;

namespace VmBench.Core.Tests.Catalog;

[Trait(Tier.Key, Tier.Fast)]
public sealed class BenchmarkSelectorTests
{
    [Fact]
    public void Selects_by_comma_separated_regular_expressions()
    {
        using var servers = new TempServers();
        servers.Add("alpha", TempServers.Valid("alpha"), "Test.csproj");
        servers.Add("beta", TempServers.Valid("beta"), "Test.csproj");
        var all = ServerCatalog.Discover(servers.Root).Benchmarks;

        Assert.Equal(8, BenchmarkSelector.Select(all, []).Benchmarks.Count);
        Assert.Equal(["tcpecho-alpha", "readline-beta"], BenchmarkSelector.Select(all, ["tcpecho-alpha,readline-b.*"]).Benchmarks.Select(b => b.Name));
        Assert.Equal(["tcpecho-alpha", "unixecho-alpha", "readline-alpha", "connect-alpha"], BenchmarkSelector.Select(all, ["alpha"]).Benchmarks.Select(b => b.Name));
    }

    [Fact]
    public void Bad_or_empty_patterns_are_errors_that_list_the_names()
    {
        using var servers = new TempServers();
        servers.Add("alpha", TempServers.Valid("alpha"), "Test.csproj");
        var all = ServerCatalog.Discover(servers.Root).Benchmarks;

        var selection = BenchmarkSelector.Select(all, ["nothing-here", "(unclosed"]);

        Assert.Equal(2, selection.Errors.Count);
        Assert.Contains("matches no benchmark (available: tcpecho-alpha, unixecho-alpha, readline-alpha, connect-alpha)", selection.Errors[0], StringComparison.Ordinal);
        Assert.Contains("is not a valid regular expression", selection.Errors[1], StringComparison.Ordinal);
    }
}
