using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;
using VmBench.Runtimes.Processes;

namespace VmBench.Runtimes.Docker.Internal;

/// <summary>
/// The base image without a registry, as docker/base/build-offline.sh makes it: debootstrap a
/// minbase bookworm root with libuv1 and ca-certificates, add the user vmbench (10001), drop the
/// apt lists, and import the tree (streamed as a tar) as the image.
/// </summary>
internal static class OfflineBaseImage
{
    public static async Task<string> BuildAsync(DockerClient client, string tag, string mirror, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!ProcessRunner.OnPath("debootstrap"))
        {
            throw new DockerBuildException($"cannot build {tag} offline: debootstrap is not installed (apt-get install debootstrap), and no registry is reachable for debian:bookworm-slim");
        }

        if (!Environment.IsPrivilegedProcess)
        {
            throw new DockerBuildException($"cannot build {tag} offline: debootstrap needs root (run `sudo docker/base/build-offline.sh` once, then vmbench finds the image)");
        }

        var root = Directory.CreateTempSubdirectory("vmbench-base-").FullName;
        try
        {
            IReadOnlyList<string> argv = ["debootstrap", "--variant=minbase", "--include=libuv1,ca-certificates", "bookworm", root, mirror];
            var result = await ProcessRunner.RunAsync(argv, null, null, timeout, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new DockerBuildException($"cannot build {tag} offline: `{string.Join(' ', argv)}` exited {result.ExitCode}:\n{result.Tail()}");
            }

            AddUser(root);
            Clean(root);
            return await ImportAsync(client, root, tag, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(root);
        }
    }

    private static void AddUser(string root)
    {
        File.AppendAllText(Path.Combine(root, "etc/group"), "vmbench:x:10001:\n");
        File.AppendAllText(Path.Combine(root, "etc/gshadow"), "vmbench:!::\n");
        File.AppendAllText(Path.Combine(root, "etc/passwd"), "vmbench:x:10001:10001::/nonexistent:/usr/sbin/nologin\n");
        File.AppendAllText(Path.Combine(root, "etc/shadow"), "vmbench:!:19000:0:99999:7:::\n");
    }

    private static void Clean(string root)
    {
        foreach (var folder in new[] { "var/lib/apt/lists", "var/log/apt" })
        {
            var path = Path.Combine(root, folder);
            if (Directory.Exists(path))
            {
                foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos())
                {
                    if (entry is DirectoryInfo directory && entry.LinkTarget is null)
                    {
                        directory.Delete(recursive: true);
                    }
                    else
                    {
                        entry.Delete();
                    }
                }
            }
        }

        foreach (var pattern in new[] { ("var/cache/apt", "*.bin"), ("var/cache/apt/archives", "*.deb"), ("var/log", "*.log") })
        {
            var path = Path.Combine(root, pattern.Item1);
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, pattern.Item2))
                {
                    File.Delete(file);
                }
            }
        }
    }

    private static async Task<string> ImportAsync(DockerClient client, string root, string tag, CancellationToken cancellationToken)
    {
        var colon = tag.LastIndexOf(':');
        var (repository, version) = colon > 0 ? (tag[..colon], tag[(colon + 1)..]) : (tag, "latest");
        var tarPath = Path.Combine(Path.GetTempPath(), $"vmbench-base-{Guid.NewGuid():N}.tar");
        var tar = new FileStream(tarPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (tar.ConfigureAwait(false))
        {
            await TarFile.CreateFromDirectoryAsync(root, tar, includeBaseDirectory: false, cancellationToken).ConfigureAwait(false);
            tar.Position = 0;
            var log = new BuildLog();
            var parameters = new ImagesCreateParameters
            {
                FromSrc = "-",
                Repo = repository,
                Tag = version,
                Changes = ["WORKDIR /", "CMD [\"bash\"]", "LABEL org.opencontainers.image.title=vmbench-base"],
            };
            try
            {
                await client.Images.CreateImageAsync(parameters, tar, null, log, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException ex)
            {
                throw new DockerBuildException($"importing {tag} failed ({(int)ex.StatusCode}): {ImageBuilder.ApiMessage(ex)}", ex);
            }

            if (log.Error is not null)
            {
                throw new DockerBuildException($"importing {tag} failed: {log.Error}");
            }
        }

        return await ImageBuilder.ImageIdAsync(client, tag, cancellationToken).ConfigureAwait(false)
            ?? throw new DockerBuildException($"importing {tag} ended without the image");
    }

    private static void TryDelete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; /tmp is cleaned eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
