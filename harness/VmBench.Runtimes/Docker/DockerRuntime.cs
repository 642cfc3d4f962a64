using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using VmBench.Runtimes.Builds;
using VmBench.Runtimes.Docker.Internal;
using VmBench.Runtimes.Readiness;
using Address = VmBench.Core.Model.Address;

namespace VmBench.Runtimes.Docker;

/// <summary>
/// Runs every server in a container built from a content-hashed image (Docker.DotNet, no CLI):
/// host networking, pinned with a cpuset, memory and pids limits, non-root, read-only root,
/// no capabilities. Containers are labelled and always removed; leftovers of a crashed run are
/// removed when the next runtime connects.
/// </summary>
public sealed class DockerRuntime : IServerRuntime
{
    /// <summary>Where a container sees the run's TLS files.</summary>
    public const string TlsMount = "/tls";

    private readonly DockerClient _client;
    private readonly DockerRuntimeOptions _options;
    private readonly DockerEngineInfo _engine;
    private readonly BaseImage _base;
    private readonly ConcurrentDictionary<string, string> _images = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<BuildResult>> _builds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RunningContainer> _live = new(StringComparer.Ordinal);
    private int _started;

    private DockerRuntime(DockerClient client, DockerRuntimeOptions options, DockerEngineInfo engine)
    {
        _client = client;
        _options = options;
        _engine = engine;
        _base = new BaseImage(client, options);
    }

    public string Name => "docker";

    /// <summary>What labels this runtime's containers (<c>vmbench.run</c>).</summary>
    public string RunId => _options.RunId;

    public DockerEngineInfo Engine => _engine;

    internal DockerClient Client => _client;

    /// <summary>
    /// Connects to the engine (--docker-host, $DOCKER_HOST or the local socket) and removes
    /// containers left by an earlier run; null, within about 2 s, when no engine answers.
    /// </summary>
    public static async Task<DockerRuntime?> TryConnectAsync(DockerRuntimeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = DockerEngine.ResolveHost(options.DockerHost);
        var client = DockerEngine.CreateClient(host);
        try
        {
            var engine = await DockerEngine.ProbeAsync(client, host, DockerEngine.DefaultProbeTimeout, cancellationToken).ConfigureAwait(false);
            if (engine is null)
            {
                client.Dispose();
                return null;
            }

            var runtime = new DockerRuntime(client, options, engine);
            client = null;
            try
            {
                var removed = await LeftoverSweeper.SweepAsync(runtime._client, cancellationToken).ConfigureAwait(false);
                if (removed > 0)
                {
                    options.Log($"removed {removed} container{(removed == 1 ? string.Empty : "s")} left by an earlier run");
                }

                await runtime._base.RefreshAsync(cancellationToken).ConfigureAwait(false);
                return runtime;
            }
            catch
            {
                await runtime.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            client?.Dispose();
        }
    }

    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["kind"] = "docker containers",
        ["engine.host"] = _engine.Host.ToString(),
        ["engine.version"] = _engine.Version,
        ["engine.api"] = _engine.ApiVersion,
        ["engine.kernel"] = _engine.KernelVersion,
        ["base.image"] = _base.Tag,
        ["base.image.id"] = _base.Id ?? "not built yet",
        ["network"] = "host",
        ["limits"] = string.Create(CultureInfo.InvariantCulture, $"memory {_options.MemoryLimitBytes / (1024 * 1024)} MiB, pids {_options.PidsLimit} plus one per connection, read-only root, tmpfs /tmp {_options.TmpfsSize}, user 10001, no capabilities, no-new-privileges"),
    };

    public Task<BuildResult> BuildAsync(ServerManifest server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);

        // One build per server and runtime: its other benchmarks reuse the image (or the failure).
        var build = _builds.GetOrAdd(server.Id, _ => BuildOnceAsync(server, cancellationToken));
        if (build.IsCanceled || build.IsFaulted)
        {
            _builds.TryRemove(server.Id, out _);
            return build;
        }

        return build.IsCompletedSuccessfully && build.Result.Status == BuildStatus.Built
            ? Task.FromResult(BuildResult.UpToDate($"{server.Id}: image {_images[server.Id]} (built earlier in this run)"))
            : build;
    }

    public async Task<IRunningServer> StartAsync(ServerLaunch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var server = launch.Benchmark.Server;
        if (!_images.TryGetValue(server.Id, out var image))
        {
            throw new ServerStartException($"{server.Id}: no image (build it first: vmbench build --benchmarks {launch.Benchmark.Name})");
        }

        var number = Interlocked.Increment(ref _started);
        // Docker names take [a-zA-Z0-9_.-]: the A/A arm's "@aa" becomes "-aa".
        var safe = string.Concat(launch.Benchmark.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-'));
        var name = string.Create(CultureInfo.InvariantCulture, $"vmbench-{_options.RunId}-{safe}-{number}");
        var labels = LeftoverSweeper.OwnerLabels(_options.RunId);
        labels[DockerLabels.Benchmark] = launch.Benchmark.Name;
        labels[DockerLabels.Server] = server.Id;
        // The image's ENTRYPOINT is the server's own command (IRunningServer.Command), for a check's second instance.
        var entrypoint = (await _client.Images.InspectImageAsync(image, cancellationToken).ConfigureAwait(false)).Config?.Entrypoint ?? [];
        var parameters = new CreateContainerParameters
        {
            Name = name,
            Image = image,
            Cmd = [.. ServerArguments.Of(launch, launch.Tls?.MountedAt(TlsMount))],
            Env = launch.Environment.Select(e => $"{e.Key}={e.Value}").ToList(),
            User = "10001:10001",
            Labels = labels,
            HostConfig = new HostConfig
            {
                NetworkMode = "host",
                CpusetCpus = launch.Cpus.Count == 0 ? null : string.Join(',', launch.Cpus),
                Memory = _options.MemoryLimitBytes,
                MemorySwap = _options.MemoryLimitBytes,
                // Room for a thread per connection besides the limit itself: a thread-per-connection server must not
                // fall over in a container at a count it holds as a local process.
                PidsLimit = _options.PidsLimit + launch.Connections,
                ReadonlyRootfs = true,
                Tmpfs = new Dictionary<string, string> { ["/tmp"] = $"rw,nosuid,nodev,size={_options.TmpfsSize}" },
                CapDrop = ["ALL"],
                SecurityOpt = ["no-new-privileges"],
                Binds = Binds(launch),
                // The open-file limit a local server inherits from vmbench, so 10,000 connections fit in both runtimes.
                Ulimits = [new Ulimit { Name = "nofile", Soft = OpenFileLimit.ForServers, Hard = OpenFileLimit.ForServers }],
            },
        };

        string id;
        try
        {
            id = (await _client.Containers.CreateContainerAsync(parameters, cancellationToken).ConfigureAwait(false)).ID;
        }
        catch (DockerApiException ex)
        {
            throw new ServerStartException($"{server.Id}: the engine did not create the container ({(int)ex.StatusCode}): {ImageBuilder.ApiMessage(ex)}", ex);
        }

        try
        {
            await _client.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await RemoveQuietlyAsync(id).ConfigureAwait(false);
            if (ex is DockerApiException api)
            {
                throw new ServerStartException($"{server.Id}: the container did not start ({(int)api.StatusCode}): {ImageBuilder.ApiMessage(api)}", ex);
            }

            throw;
        }

        // Watching starts after the start: the engine's wait returns at once for a container not started yet.
        var running = new RunningContainer(_client, id, name, launch.Address, [.. entrypoint], _options.StopGrace, c => _live.TryRemove(c.Id, out _));
        _live[id] = running;
        try
        {
            try
            {
                var started = new ServerCommandLine($"container {name} of image {image}: its ENTRYPOINT followed by {ServerCommandLine.Quote(parameters.Cmd)}", launch.Environment, launch.Address);
                await ReadinessWaiter.WaitAsync(_options.ReadinessProbe, running, started, launch.Benchmark.Protocol.Mode, launch.ReadinessTls, launch.ReadyTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (ServerStartException ex) when (running.HasExited)
            {
                throw new ServerStartException($"{server.Id}: container {name} exited with code {running.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}: {ex.Message}", ex);
            }

            return running;
        }
        catch
        {
            await running.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var container in _live.Values.ToArray())
        {
            await container.DisposeAsync().ConfigureAwait(false);
        }

        _client.Dispose();
    }

    private async Task RemoveQuietlyAsync(string id)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, limit.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DockerApiException or HttpRequestException or IOException or OperationCanceledException)
        {
            // The next run's sweep removes it.
        }
    }

    private async Task<BuildResult> BuildOnceAsync(ServerManifest server, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            string baseId;
            try
            {
                baseId = await _base.EnsureAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DockerBuildException ex)
            {
                // The base image's failures name the base image; the server it was needed for is named here.
                return BuildResult.Failed($"{server.Id}: {ex.Message}");
            }

            var context = await BuildStrategies.Of(server).ImageAsync(server, _base.Tag, _options, cancellationToken).ConfigureAwait(false);
            var hash = await context.HashAsync(baseId, cancellationToken).ConfigureAwait(false);
            var repository = $"vmbench-server-{server.Id}";
            var tag = $"{repository}:{hash[..12]}";
            if (await ImageBuilder.ImageIdAsync(_client, tag, cancellationToken).ConfigureAwait(false) is not null)
            {
                _images[server.Id] = tag;
                return BuildResult.UpToDate($"{server.Id}: image {tag} up to date");
            }

            var labels = new Dictionary<string, string>
            {
                [DockerLabels.Marker] = "1",
                [DockerLabels.Server] = server.Id,
                [DockerLabels.Hash] = hash,
            };
            _options.Log($"{server.Id}: building image {tag} ({context.FileCount} files)");
            await ImageBuilder.BuildAsync(_client, context, tag, labels, server.Id, cancellationToken).ConfigureAwait(false);
            _images[server.Id] = tag;
            await ImageBuilder.PruneOtherTagsAsync(_client, repository, tag, cancellationToken).ConfigureAwait(false);
            return BuildResult.Built(string.Create(CultureInfo.InvariantCulture, $"{server.Id}: built image {tag} in {clock.Elapsed.TotalSeconds:0.0} s"));
        }
        catch (DockerBuildException ex)
        {
            // The server's own image build names the server (ImageBuilder's messages open with it).
            return BuildResult.Failed(ex.Message);
        }
        catch (DockerApiException ex)
        {
            return BuildResult.Failed($"{server.Id}: the Docker engine answered {(int)ex.StatusCode}: {ImageBuilder.ApiMessage(ex)}");
        }
        catch (HttpRequestException ex)
        {
            return BuildResult.Failed($"{server.Id}: the Docker engine at {_engine.Host} does not answer: {ex.Message}");
        }
        catch (IOException ex)
        {
            return BuildResult.Failed($"{server.Id}: {ex.Message}");
        }
    }

    /// <summary>A unix socket's folder, bind-mounted at the same path and writable for the server's user.</summary>
    /// <summary>The unix socket folder, and for a TLS benchmark the certificate's folder read-only at <see cref="TlsMount"/> (see TlsCredentials for why uid 10001 can read it).</summary>
    private static List<string>? Binds(ServerLaunch launch)
    {
        var binds = SocketBinds(launch.Address) ?? [];
        if (launch.Tls is not null)
        {
            binds.Add($"{launch.Tls.Directory}:{TlsMount}:ro");
        }

        return binds.Count == 0 ? null : binds;
    }

    private static List<string>? SocketBinds(Address address)
    {
        var folder = address.IsUnix ? Path.GetDirectoryName(address.UnixPath) : null;
        if (string.IsNullOrEmpty(folder))
        {
            return null;
        }

        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0x1FF); // 0777: the server runs as uid 10001
        }

        return [$"{folder}:{folder}"];
    }
}
