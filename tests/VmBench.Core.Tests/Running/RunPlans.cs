using VmBench.Core.Catalog;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Running;
using VmBench.Core.Tests.Catalog;

namespace VmBench.Core.Tests.Running;

internal static class RunPlans
{
    public static RunPlan For(TempServers servers, string output, int repeat = 1, params string[] ids)
    {
        foreach (var id in ids)
        {
            servers.Add(id, TempServers.Valid(id, "\"echo\"", "\"tcp\""), "Test.csproj");
        }

        var benchmarks = ServerCatalog.Discover(servers.Root).Benchmarks;
        var config = new RunConfig([], "fake", [10, 100], [1024, 10240], 1, 0, repeat, null, false, [1], [0], 5, 5, output);
        var environment = new RunEnvironment("host", "os", "kernel", "cpu", 2, ".NET", "1.0", new Dictionary<string, string> { ["libuv"] = "1.44.2" });
        return new RunPlan(benchmarks, config, "vmbench run", environment);
    }
}
