using VmBench.Core.Model;
using VmBench.Runtimes.Docker;
using VmBench.Runtimes.Docker.Internal;

namespace VmBench.Runtimes.Builds;

/// <summary>
/// One build kind of server.json (<c>build.kind</c>): how its servers are built and run on this machine, and how their
/// image is made. The runtimes ask <see cref="BuildStrategies.Of"/> and never test the kind themselves.
/// </summary>
internal interface IBuildStrategy
{
    /// <summary>The argv that builds the server into <paramref name="output"/>; null when there is nothing to build.</summary>
    IReadOnlyList<string>? LocalBuild(ServerManifest server, string output);

    /// <summary>The argv that runs what <see cref="LocalBuild"/> made (the contract's <c>--addr</c> and <c>--mode</c> follow).</summary>
    IReadOnlyList<string> LocalRun(ServerManifest server, string output);

    /// <summary>The image's Dockerfile, build arguments and files over <paramref name="baseImage"/>; throws <see cref="DockerBuildException"/> naming what is missing.</summary>
    Task<BuildContext> ImageAsync(ServerManifest server, string baseImage, DockerRuntimeOptions options, CancellationToken cancellationToken);
}
