using VmBench.Core.Model;
using VmBench.Runtimes.Docker;
using VmBench.Runtimes.Docker.Internal;

namespace VmBench.Runtimes.Builds;

/// <summary><c>command</c>: any language; locally its optional <c>build.command</c> then <c>run.command</c>, its image from its own folder and Dockerfile (its links into sibling server folders are followed).</summary>
internal sealed class CommandBuild : IBuildStrategy
{
    public IReadOnlyList<string>? LocalBuild(ServerManifest server, string output) =>
        server.Build.Command.Count > 0 ? Placeholders.Expand(server.Build.Command, server.Directory, output) : null;

    public IReadOnlyList<string> LocalRun(ServerManifest server, string output) => Placeholders.Expand(server.Run.Command, server.Directory, output);

    public Task<BuildContext> ImageAsync(ServerManifest server, string baseImage, DockerRuntimeOptions options, CancellationToken cancellationToken)
    {
        var dockerfile = server.Build.Dockerfile;
        if (string.IsNullOrEmpty(dockerfile) || !File.Exists(Path.Combine(server.Directory, dockerfile)))
        {
            throw new DockerBuildException($"{server.Id}: build.dockerfile {(string.IsNullOrEmpty(dockerfile) ? "is not set" : $"'{dockerfile}' does not exist")} in {server.ManifestPath} (a command server ships its own Dockerfile; see servers/README.md)");
        }

        var context = new BuildContext(dockerfile.Replace('\\', '/'), new Dictionary<string, string> { ["BASE_IMAGE"] = baseImage });
        context.AddDirectory(server.Directory, string.Empty, BuildContext.NotInImages, linksWithin: Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(server.Directory)));
        return Task.FromResult(context);
    }
}
