using VmBench.Core.Model;

namespace VmBench.Core.Runtimes;

/// <summary>
/// Where servers are built and run: local processes or Docker containers. The Runner only
/// sees this seam and never asks which implementation it has.
/// </summary>
public interface IServerRuntime : IAsyncDisposable
{
    /// <summary>"local" or "docker".</summary>
    string Name { get; }

    /// <summary>What run.json records about this runtime (engine version, host ...).</summary>
    IReadOnlyDictionary<string, string> Describe();

    /// <summary>Builds (or finds up to date) what <paramref name="server"/> needs. Never throws for a build failure: it is in the result.</summary>
    Task<BuildResult> BuildAsync(ServerManifest server, CancellationToken cancellationToken);

    /// <summary>Starts a built server and waits until it is ready. Throws <see cref="ServerStartException"/> with the server's log tail when it is not.</summary>
    Task<IRunningServer> StartAsync(ServerLaunch launch, CancellationToken cancellationToken);
}
