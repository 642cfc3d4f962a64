using System.Runtime.InteropServices;
using VmBench.Core.Model;
using VmBench.Runtimes.Processes;

namespace VmBench.Runtimes.Docker.Internal;

/// <summary>Publishes a .NET server self-contained on the host (<c>artifacts/publish/&lt;id&gt;</c>), ready to be copied into the base image.</summary>
internal static class DotnetPublisher
{
    public static string RuntimeIdentifier => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "linux-arm64",
        _ => "linux-x64",
    };

    /// <summary>Returns the publish folder; throws <see cref="DockerBuildException"/> with dotnet's output when the publish fails.</summary>
    public static async Task<string> PublishAsync(ServerManifest server, string repositoryRoot, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var output = Path.Combine(repositoryRoot, "artifacts", "publish", server.Id);

        // A fresh folder: files of an earlier publish must not slip into the image (and its hash).
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var project = Path.Combine(server.Directory, server.Build.Project!);
        IReadOnlyList<string> argv =
        [
            "dotnet", "publish", project, "-c", "Release", "-r", RuntimeIdentifier, "--self-contained",
            "-o", output, "--nologo", "-v", "quiet", "-clp:ErrorsOnly",
        ];
        var result = await ProcessRunner.RunAsync(argv, server.Directory, null, timeout, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // Once more: a build of the same project running beside this one (obj/ is shared) fails a publish now and then.
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            result = await ProcessRunner.RunAsync(argv, server.Directory, null, timeout, cancellationToken).ConfigureAwait(false);
        }

        if (!result.Succeeded)
        {
            throw new DockerBuildException($"{server.Id}: `{string.Join(' ', argv)}` exited {result.ExitCode}:\n{result.Tail()}");
        }

        var apphost = Path.Combine(output, server.Build.AssemblyName!);
        if (!File.Exists(apphost))
        {
            throw new DockerBuildException($"{server.Id}: the publish output has no executable '{server.Build.AssemblyName}' in {output} (the project's file name must be the assembly name)");
        }

        return output;
    }
}
