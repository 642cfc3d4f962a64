namespace VmBench.Robustness.Tests;

/// <summary>
/// One collection for the whole assembly: the servers are built once, and the cases run one at a
/// time, so a throughput or latency comparison never competes with another test for the two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RobustnessCollection : ICollectionFixture<BuiltServers>
{
    public const string Name = "robustness";
}
