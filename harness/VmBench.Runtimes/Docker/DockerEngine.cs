using System.Net.Http;
using System.Net.Sockets;
using Docker.DotNet;

namespace VmBench.Runtimes.Docker;

/// <summary>Finds and reaches a Docker engine: --docker-host, else $DOCKER_HOST, else the local socket.</summary>
public static class DockerEngine
{
    public const string DefaultHost = "unix:///var/run/docker.sock";

    /// <summary>How long <see cref="ProbeAsync"/> waits for an answer by default.</summary>
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(2);

    public static Uri ResolveHost(string? dockerHost)
    {
        var text = !string.IsNullOrWhiteSpace(dockerHost) ? dockerHost
            : Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } fromEnvironment ? fromEnvironment
            : DefaultHost;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp" or "http"))
        {
            throw new ArgumentException($"'{text}' is not a Docker host (expected unix:///path/to/docker.sock or tcp://HOST:PORT)", nameof(dockerHost));
        }

        return uri;
    }

    /// <summary>A client for the engine; the caller disposes it.</summary>
    public static DockerClient CreateClient(Uri host) =>
        new DockerClientConfiguration(host, null, TimeSpan.FromMinutes(2)).CreateClient();

    /// <summary>Asks the engine for its version; null when nothing answers within <paramref name="timeout"/> (2 s by default).</summary>
    public static async Task<DockerEngineInfo?> ProbeAsync(string? dockerHost, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var host = ResolveHost(dockerHost);
        using var client = CreateClient(host);
        return await ProbeAsync(client, host, timeout ?? DefaultProbeTimeout, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<DockerEngineInfo?> ProbeAsync(DockerClient client, Uri host, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var version = await client.System.GetVersionAsync(limit.Token).ConfigureAwait(false);
            return new DockerEngineInfo(host, version.Version, version.APIVersion, version.Os, version.Arch, version.KernelVersion);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or IOException or DockerApiException or TimeoutException)
        {
            return null;
        }
    }
}
