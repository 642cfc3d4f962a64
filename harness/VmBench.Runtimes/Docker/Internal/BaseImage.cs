using Docker.DotNet;
using Docker.DotNet.Models;

namespace VmBench.Runtimes.Docker.Internal;

/// <summary>
/// Makes sure the base image exists, once per runtime: use it when present; else build
/// docker/base/Dockerfile when debian:bookworm-slim can be pulled; else build it offline with
/// debootstrap. The same tag either way.
/// </summary>
internal sealed class BaseImage
{
    private const string Upstream = "debian";
    private const string UpstreamTag = "bookworm-slim";

    private readonly DockerClient _client;
    private readonly DockerRuntimeOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public BaseImage(DockerClient client, DockerRuntimeOptions options)
    {
        _client = client;
        _options = options;
    }

    public string Tag => _options.BaseImage;

    /// <summary>The image id once known (found or built).</summary>
    public string? Id { get; private set; }

    public async Task RefreshAsync(CancellationToken cancellationToken) =>
        Id = await ImageBuilder.ImageIdAsync(_client, Tag, cancellationToken).ConfigureAwait(false);

    /// <summary>Returns the base image id; throws <see cref="DockerBuildException"/> when it cannot be made.</summary>
    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Id ??= await ImageBuilder.ImageIdAsync(_client, Tag, cancellationToken).ConfigureAwait(false)
                ?? await CreateAsync(cancellationToken).ConfigureAwait(false);
            return Id;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        var pullFailure = await TryPullAsync(cancellationToken).ConfigureAwait(false);
        if (pullFailure is null)
        {
            _options.Log($"{Tag}: built from docker/base/Dockerfile (FROM {Upstream}:{UpstreamTag})");
            return await BuildOnlineAsync(cancellationToken).ConfigureAwait(false);
        }

        _options.Log($"no registry reachable: building {Tag} offline with debootstrap ({pullFailure})");
        var id = await OfflineBaseImage.BuildAsync(_client, Tag, _options.DebianMirror, _options.BuildTimeout, cancellationToken).ConfigureAwait(false);
        _options.Log($"{Tag}: imported, {id[..Math.Min(19, id.Length)]}");
        return id;
    }

    /// <summary>Pulls debian:bookworm-slim unless present; null on success, else why it failed.</summary>
    private async Task<string?> TryPullAsync(CancellationToken cancellationToken)
    {
        if (await ImageBuilder.ImageIdAsync(_client, $"{Upstream}:{UpstreamTag}", cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        var log = new BuildLog();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await _client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = Upstream, Tag = UpstreamTag }, null, log, limit.Token).ConfigureAwait(false);
        }
        catch (DockerApiException ex)
        {
            return $"pull of {Upstream}:{UpstreamTag}: {ImageBuilder.ApiMessage(ex)}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"pull of {Upstream}:{UpstreamTag} timed out";
        }

        if (log.Error is not null)
        {
            return $"pull of {Upstream}:{UpstreamTag}: {log.Error}";
        }

        return await ImageBuilder.ImageIdAsync(_client, $"{Upstream}:{UpstreamTag}", cancellationToken).ConfigureAwait(false) is null
            ? $"pull of {Upstream}:{UpstreamTag} gave no image"
            : null;
    }

    private async Task<string> BuildOnlineAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(_options.RepositoryRoot, "docker", "base");
        if (!File.Exists(Path.Combine(folder, "Dockerfile")))
        {
            throw new DockerBuildException($"{folder}/Dockerfile not found (is --servers inside the repository?)");
        }

        var context = new BuildContext("Dockerfile", new Dictionary<string, string>());
        context.AddDirectory(folder, string.Empty, new HashSet<string>(StringComparer.Ordinal));
        var labels = new Dictionary<string, string> { [DockerLabels.Marker] = "1" };
        return await ImageBuilder.BuildAsync(_client, context, Tag, labels, Tag, cancellationToken).ConfigureAwait(false);
    }
}
