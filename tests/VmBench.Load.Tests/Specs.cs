using VmBench.Core.Load;
using VmBench.Core.Model;

namespace VmBench.Load.Tests;

/// <summary>Short load specs for the tests.</summary>
public static class Specs
{
    public static LoadSpec Echo(Address address, int size = 1024, int concurrency = 4, double seconds = 1, double? rate = null) =>
        new(address, Mode.Echo, size, concurrency, 1, TimeSpan.FromSeconds(seconds), TimeSpan.Zero, rate, HardTimeout: TimeSpan.FromSeconds(seconds + 10));
}
