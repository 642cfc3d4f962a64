using VmBench.Core.Catalog;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Running;
using VmBench.Core.Tests.Catalog;

namespace VmBench.Core.Tests.Running;

internal static class RunPlans
{
    /// <summary>The given tcpecho servers x (1 KiB, 10 KiB) x (c=10, c=100), <paramref name="trials"/> trials, no warm-up, no reference (and no connect benchmark: a test that wants it adds it).</summary>
    public static RunPlan For(TempServers servers, string output, int trials = 1, params string[] ids)
    {
        foreach (var id in ids)
        {
            servers.Add(id, TempServers.Valid(id, "\"echo\"", "\"tcp\""), "Test.csproj");
        }

        var benchmarks = ServerCatalog.Discover(servers.Root).Benchmarks.Where(b => b.Protocol != Protocol.Connect).ToArray();
        var config = new RunConfig([], "fake", [10, 100], [1024, 10240], 1, trials, 42, null, false, new WarmupPolicy(0, 0, 4, 5), 0, null, false, [1], [0], 5, 5, output);
        var environment = new RunEnvironment("host", "os", "kernel", "cpu", 2, ".NET", "1.0", new Dictionary<string, string> { ["libuv"] = "1.44.2" });
        return new RunPlan(benchmarks, config, "vmbench run", environment);
    }

    /// <summary>As <see cref="For"/>, with the first id as the reference (and optionally its A/A arm).</summary>
    public static RunPlan WithReference(TempServers servers, string output, int trials, bool aa, string reference, params string[] ids)
    {
        var plan = For(servers, output, trials, [reference, .. ids]);
        var arms = ReferenceArms.Add(plan.Benchmarks, plan.Benchmarks, reference, aa);
        Assert.Null(arms.Error);
        return plan with { Benchmarks = arms.Benchmarks, Config = plan.Config with { Reference = reference, Aa = aa } };
    }
}
