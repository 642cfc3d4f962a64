namespace VmBench.Runtimes.Local;

/// <summary>Settings of the local runtime.</summary>
/// <param name="ArtifactsDirectory">Where server builds go (<c>artifacts/servers/&lt;id&gt;</c>).</param>
/// <param name="StopGrace">How long a server gets to exit after SIGTERM before SIGKILL.</param>
/// <param name="BuildTimeout">Bound on one server's build.</param>
public sealed record ProcessRuntimeOptions(string ArtifactsDirectory, TimeSpan StopGrace, TimeSpan BuildTimeout)
{
    public static ProcessRuntimeOptions For(string artifactsDirectory) =>
        new(artifactsDirectory, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10));
}
