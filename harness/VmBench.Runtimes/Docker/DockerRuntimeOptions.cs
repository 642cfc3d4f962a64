using System.Globalization;
using VmBench.Core.Load;

namespace VmBench.Runtimes.Docker;

/// <summary>Settings of the Docker runtime.</summary>
public sealed record DockerRuntimeOptions
{
    /// <summary>The repository root: <c>docker/</c> holds the base image and the .NET image template, <c>artifacts/publish/</c> the published .NET servers.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Decides when a started server is ready (probed from the host: containers share its network).</summary>
    public required IReadinessProbe ReadinessProbe { get; init; }

    /// <summary>The engine: <c>unix:///path</c> or <c>tcp://HOST:PORT</c>; null for $DOCKER_HOST, else the local socket.</summary>
    public string? DockerHost { get; init; }

    /// <summary>Where the runtime says what it does (base image, builds, leftovers removed).</summary>
    public Action<string> Log { get; init; } = _ => { };

    /// <summary>The base image every server image starts from.</summary>
    public string BaseImage { get; init; } = "vmbench-base:bookworm";

    /// <summary>The Debian mirror of the offline base image build.</summary>
    public string DebianMirror { get; init; } = "http://deb.debian.org/debian";

    public long MemoryLimitBytes { get; init; } = 2L << 30;

    public long PidsLimit { get; init; } = 512;

    /// <summary>Size of the tmpfs mounted at /tmp (the root file system is read-only).</summary>
    public string TmpfsSize { get; init; } = "64m";

    /// <summary>How long a server gets between SIGTERM and SIGKILL.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Bound on one server's build (publish and image build).</summary>
    public TimeSpan BuildTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Labels this runtime's containers (<c>vmbench.run</c>); unique per runtime instance by default.</summary>
    public string RunId { get; init; } = $"{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}";
}
