namespace VmBench.Conformance.Tests;

[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<BuiltServers>
{
    public const string Name = "conformance";
}
