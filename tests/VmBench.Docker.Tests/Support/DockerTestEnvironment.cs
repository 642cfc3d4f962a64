using VmBench.Runtimes.Docker;

namespace VmBench.Docker.Tests.Support;

/// <summary>The engine the tests use (DOCKER_HOST or the local socket), probed once.</summary>
public static class DockerTestEnvironment
{
    private static readonly Lazy<DockerEngineInfo?> s_engine = new(() => Probe(null));

    public static bool Required => Environment.GetEnvironmentVariable("VMBENCH_REQUIRE_DOCKER") == "1";

    public static string HostText => Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : DockerEngine.DefaultHost;

    /// <summary>The second way in, over tcp (docker/start-engine.sh --tcp 127.0.0.1:2375).</summary>
    public static string TcpHost => Environment.GetEnvironmentVariable("VMBENCH_DOCKER_TCP") is { Length: > 0 } tcp ? tcp : "tcp://127.0.0.1:2375";

    public static DockerEngineInfo? Engine => s_engine.Value;

    public static DockerEngineInfo? Probe(string? host) =>
        DockerEngine.ProbeAsync(host, TimeSpan.FromSeconds(2), CancellationToken.None).GetAwaiter().GetResult();

    public static void RequireEngine()
    {
        if (Engine is null)
        {
            Assert.Fail($"VMBENCH_REQUIRE_DOCKER=1 and no Docker engine answers at {HostText} (start one with docker/start-engine.sh)");
        }
    }
}
