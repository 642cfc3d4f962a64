using VmBench.Core.Model;

namespace VmBench.Runtimes.Builds;

/// <summary>The one place a build kind is tied to its strategy: a new kind is a new <see cref="IBuildStrategy"/> registered here.</summary>
internal static class BuildStrategies
{
    private static readonly Dictionary<BuildKind, IBuildStrategy> s_all = new()
    {
        [BuildKind.Dotnet] = new DotnetBuild(),
        [BuildKind.Command] = new CommandBuild(),
    };

    public static IBuildStrategy Of(ServerManifest server) =>
        s_all.TryGetValue(server.Build.Kind, out var strategy)
            ? strategy
            : throw new ArgumentException($"{server.Id}: build kind '{server.Build.Kind}' has no build strategy (register one in BuildStrategies)", nameof(server));
}
