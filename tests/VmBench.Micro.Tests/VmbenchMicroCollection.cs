namespace VmBench.Micro.Tests;

/// <summary>The tests that run `vmbench micro`: one at a time, so two of them never build VmBench.Micro at once.</summary>
[CollectionDefinition(Name)]
public sealed class VmbenchMicroCollection
{
    public const string Name = "vmbench micro";
}
