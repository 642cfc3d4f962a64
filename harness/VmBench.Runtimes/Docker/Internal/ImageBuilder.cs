using System.Net;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace VmBench.Runtimes.Docker.Internal;

/// <summary>Builds images through the engine's API: the context streamed as a tar, host networking (RUN apt-get works without a bridge), errors from the progress messages.</summary>
internal static class ImageBuilder
{
    /// <summary>Builds <paramref name="context"/> as <paramref name="tag"/>; throws <see cref="DockerBuildException"/> with the engine's error and the build's last output lines.</summary>
    public static async Task<string> BuildAsync(DockerClient client, BuildContext context, string tag, IDictionary<string, string> labels, string what, CancellationToken cancellationToken)
    {
        var tarPath = Path.Combine(Path.GetTempPath(), $"vmbench-context-{Guid.NewGuid():N}.tar");
        var tar = new FileStream(tarPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (tar.ConfigureAwait(false))
        {
            await context.WriteTarAsync(tar, cancellationToken).ConfigureAwait(false);
            tar.Position = 0;
            var parameters = new ImageBuildParameters
            {
                Tags = [tag],
                Dockerfile = context.Dockerfile,
                BuildArgs = new Dictionary<string, string>(context.BuildArguments),
                Labels = labels,
                NetworkMode = "host",
                Remove = true,
                ForceRemove = true,
            };
            var log = new BuildLog();
            try
            {
                await client.Images.BuildImageFromDockerfileAsync(parameters, tar, null, null, log, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException ex)
            {
                throw new DockerBuildException($"{what}: the engine refused the build ({(int)ex.StatusCode}): {ApiMessage(ex)}\n{log.Tail()}", ex);
            }

            if (log.Error is not null)
            {
                throw new DockerBuildException($"{what}: image build failed: {log.Error}\n{log.Tail()}");
            }

            var id = await ImageIdAsync(client, tag, cancellationToken).ConfigureAwait(false);
            return id ?? throw new DockerBuildException($"{what}: the build ended without an image {tag}:\n{log.Tail()}");
        }
    }

    /// <summary>The image's id, or null when there is no such image.</summary>
    public static async Task<string?> ImageIdAsync(DockerClient client, string reference, CancellationToken cancellationToken)
    {
        try
        {
            var image = await client.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false);
            return image.ID;
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Removes other tags of <paramref name="repository"/> (older builds of the same server); best effort, images in use stay.</summary>
    public static async Task PruneOtherTagsAsync(DockerClient client, string repository, string keep, CancellationToken cancellationToken)
    {
        var images = await client.Images.ListImagesAsync(
            new ImagesListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["reference"] = new Dictionary<string, bool> { [repository] = true } } },
            cancellationToken).ConfigureAwait(false);
        foreach (var reference in images.SelectMany(i => i.RepoTags ?? []).Where(t => t.StartsWith(repository + ":", StringComparison.Ordinal) && t != keep))
        {
            try
            {
                await client.Images.DeleteImageAsync(reference, new ImageDeleteParameters { Force = false }, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException)
            {
                // In use by a container, or already gone: leave it.
            }
        }
    }

    public static string ApiMessage(DockerApiException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var body = ex.ResponseBody ?? string.Empty;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var message) && message.GetString() is { } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the body as it is.
        }

        return body.Trim();
    }
}
