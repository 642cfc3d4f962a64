namespace VmBench.Docker.Tests.Support;

/// <summary>
/// A fact that needs a Docker engine: skipped with the reason when none answers, unless
/// VMBENCH_REQUIRE_DOCKER=1, where it runs (and fails on <see cref="DockerTestEnvironment.RequireEngineAsync"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (!DockerTestEnvironment.Required && DockerTestEnvironment.Engine is null)
        {
            Skip = $"no Docker engine answers at {DockerTestEnvironment.HostText} (start one with docker/start-engine.sh; set VMBENCH_REQUIRE_DOCKER=1 to fail instead of skip)";
        }
    }
}
