using VmBench.Core.Results;
using VmBench.Core.Runtimes;

namespace VmBench.Reporting.Tests.Support;

/// <summary>The runs the tests share.</summary>
internal static class SampleRuns
{
    public const string HostileTitle = "<script>alert(1)</script> \"quoted\", | piped";

    public const string HostileEnvironmentValue = "<b>1</b> | x";

    /// <summary>Three servers over 2 sizes x 2 concurrency levels (one client-bound), a failed and a skipped benchmark, one hostile title, manifest environments on two servers (one hostile), runtime versions on two (one failed to read, hostile).</summary>
    public static RunResult Typical() => new RunBuilder()
        .Repeat(3)
        .Benchmark("sockets", b => b
            .Environment("DOTNET_TC_CallCountingDelayMs", "0")
            .Environment("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1")
            .Version(".NET", ".NET 10.0.12", null)
            .Variation(64, 10, 50_000, repeats: 3, server: new ResourceUsage(4.2, 30L << 20, 42L << 20))
            .Variation(64, 100, 80_000, repeats: 3, server: new ResourceUsage(6.1, 31L << 20, 44L << 20))
            .Variation(1024, 10, 40_000, repeats: 3, server: new ResourceUsage(4.0, 30L << 20, 43L << 20))
            .Variation(1024, 100, 60_000, repeats: 3, clientBound: true, server: new ResourceUsage(5.5, 32L << 20, 45L << 20)))
        .Benchmark("libuv", b => b
            .Variation(64, 10, 65_000, repeats: 3, server: new ResourceUsage(3.2, 12L << 20, 15L << 20))
            .Variation(64, 100, 95_000, repeats: 3, server: new ResourceUsage(4.4, 12L << 20, 16L << 20))
            .Variation(1024, 10, 52_000, repeats: 3, server: new ResourceUsage(3.4, 12L << 20, 15L << 20))
            .Variation(1024, 100, 70_000, repeats: 3, server: new ResourceUsage(4.9, 13L << 20, 17L << 20)),
            title: HostileTitle)
        .Benchmark("kestrel", b => b
            .Environment("HOSTILE", HostileEnvironmentValue)
            .Version(".NET", ".NET 10.0.12", null)
            .Version("ASP.NET Core", null, "exit 127: <missing> | not found")
            .Variation(64, 10, 45_000, repeats: 3)
            .Variation(64, 100, 70_000, repeats: 3)
            .FailedVariation(1024, 10, "payload mismatch at byte 17 (expected 0x41, got 0x00)"))
        .Failed("threads", "build failed: dotnet publish exited with code 1")
        .Skipped("asyncio", "python3 not found (install python3)")
        .Build();

    /// <summary>Two protocols, a long server id and a long environment value: what a layout has to hold at every width.</summary>
    public static RunResult TwoProtocols() => new RunBuilder()
        .Repeat(5)
        .Benchmark("sockets", b => b
            .Environment("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1")
            .Variation(64, 10, 50_000, repeats: 5, server: new ResourceUsage(4.2, 30L << 20, 42L << 20))
            .Variation(1024, 100, 60_000, repeats: 5, noise: 0.05, clientBound: true, server: new ResourceUsage(5.5, 32L << 20, 45L << 20)))
        .Benchmark("libuv", b => b
            .Variation(64, 10, 65_000, repeats: 5, server: new ResourceUsage(3.2, 12L << 20, 15L << 20))
            .Variation(1024, 100, 70_000, repeats: 5, noise: 0.08, server: new ResourceUsage(4.9, 13L << 20, 17L << 20)))
        .Benchmark("kestrel-with-a-rather-long-server-name", b => b
            .Variation(64, 10, 45_000, repeats: 5)
            .Variation(1024, 100, 58_000, repeats: 5))
        .Benchmark("uvloop", b => b
            .Variation(64, 10, 30_000, repeats: 5, server: new ResourceUsage(6.0, 20L << 20, 22L << 20))
            .Variation(64, 100, 41_000, repeats: 5, server: new ResourceUsage(6.5, 20L << 20, 23L << 20)), protocol: "readline")
        .Benchmark("go", b => b
            .Variation(64, 10, 48_000, repeats: 5, server: new ResourceUsage(3.9, 9L << 20, 11L << 20))
            .Variation(64, 100, 66_000, repeats: 5, server: new ResourceUsage(4.1, 9L << 20, 12L << 20)), protocol: "readline")
        .Failed("threads", "build failed: dotnet publish exited with code 1; see build.log for the whole output of the compiler")
        .Build();
}
