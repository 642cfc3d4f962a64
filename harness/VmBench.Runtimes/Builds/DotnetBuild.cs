using VmBench.Core.Model;
using VmBench.Runtimes.Docker;
using VmBench.Runtimes.Docker.Internal;

namespace VmBench.Runtimes.Builds;

/// <summary><c>dotnet</c>: a .NET project, built with <c>dotnet build</c> locally; its image is the shared template over the self-contained publish output.</summary>
internal sealed class DotnetBuild : IBuildStrategy
{
    /// <summary>No build servers are left running (node reuse and the shared compiler are off).</summary>
    public IReadOnlyList<string> LocalBuild(ServerManifest server, string output) =>
        ["dotnet", "build", Path.Combine(server.Directory, server.Build.Project!), "-c", "Release", "-o", output, "--nologo", "-v", "quiet", "-clp:ErrorsOnly", "-nodeReuse:false", "-p:UseSharedCompilation=false"];

    public IReadOnlyList<string> LocalRun(ServerManifest server, string output)
    {
        var apphost = Path.Combine(output, server.Build.AssemblyName!);
        return File.Exists(apphost) ? [apphost] : ["dotnet", apphost + ".dll"];
    }

    public async Task<BuildContext> ImageAsync(ServerManifest server, string baseImage, DockerRuntimeOptions options, CancellationToken cancellationToken)
    {
        var template = Path.Combine(options.RepositoryRoot, "docker", "dotnet-server.Dockerfile");
        if (!File.Exists(template))
        {
            throw new DockerBuildException($"{server.Id}: the .NET image template {template} is missing");
        }

        var published = await DotnetPublisher.PublishAsync(server, options.RepositoryRoot, options.BuildTimeout, cancellationToken).ConfigureAwait(false);
        return Image(server, baseImage, template, published);
    }

    /// <summary>The template as the Dockerfile, the publish output as app/.</summary>
    internal static BuildContext Image(ServerManifest server, string baseImage, string template, string published)
    {
        var context = new BuildContext("Dockerfile", new Dictionary<string, string> { ["BASE_IMAGE"] = baseImage, ["APP"] = server.Build.AssemblyName! });
        context.AddFile("Dockerfile", template);
        context.AddDirectory(published, "app", BuildContext.NotInImages);
        return context;
    }
}
