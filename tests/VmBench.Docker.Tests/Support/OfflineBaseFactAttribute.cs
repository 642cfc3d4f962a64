namespace VmBench.Docker.Tests.Support;

/// <summary>The offline base image build takes a minute and downloads from a Debian mirror: opt in with VMBENCH_TEST_OFFLINE_BASE=1.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OfflineBaseFactAttribute : FactAttribute
{
    public OfflineBaseFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("VMBENCH_TEST_OFFLINE_BASE") != "1")
        {
            Skip = "set VMBENCH_TEST_OFFLINE_BASE=1 to build the base image offline with debootstrap (about a minute, needs root and a Debian mirror)";
        }
        else if (!DockerTestEnvironment.Required && DockerTestEnvironment.Engine is null)
        {
            Skip = $"no Docker engine answers at {DockerTestEnvironment.HostText}";
        }
    }
}
