using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;

namespace VmBench.Runtimes.Docker.Internal;

/// <summary>
/// A server in a container. Background tasks follow its output and wait for its exit; disposing
/// stops and removes the container, always, whatever the caller's token says.
/// </summary>
internal sealed class RunningContainer : IRunningServer
{
    private static readonly TimeSpan s_samplePeriod = TimeSpan.FromMilliseconds(500);

    private readonly DockerClient _client;
    private readonly string _id;
    private readonly TimeSpan _stopGrace;
    private readonly Action<RunningContainer> _removed;
    private readonly CancellationTokenSource _background = new();
    private readonly ContainerLogs _logs = new();
    private readonly Task _following;
    private readonly Task<long?> _exit;
    private Task? _sampler;
    private long _sampledPeak;
    private int _measuring;
    private ResourceUsage? _lastUsage;
    private volatile bool _hasExited;
    private int _disposed;

    public RunningContainer(DockerClient client, string id, string name, string address, TimeSpan stopGrace, Action<RunningContainer> removed)
    {
        _client = client;
        _id = id;
        Name = name;
        Address = address;
        _stopGrace = stopGrace;
        _removed = removed;
        _following = Task.Run(() => _logs.FollowAsync(client, id, _background.Token));
        _exit = Task.Run(WatchExitAsync);
    }

    public string Id => _id;

    public string Name { get; }

    public string Address { get; }

    public bool HasExited => _hasExited;

    /// <summary>The container's exit code once it has exited.</summary>
    public long? ExitCode => _exit.IsCompletedSuccessfully ? _exit.Result : null;

    public string LogTail(int lines = 20) => _logs.Tail(lines);

    /// <summary>Where the image keeps the server: what <c>{dir}</c> and <c>{out}</c> mean inside the container.</summary>
    public const string AppDirectory = "/app";

    /// <inheritdoc />
    /// <remarks>Inside the container (docker exec, as its user); <c>{dir}</c> and <c>{out}</c> are <see cref="AppDirectory"/>.</remarks>
    public async Task<CommandOutput> ExecAsync(IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(argv);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var exec = await _client.Exec.ExecCreateContainerAsync(
                _id,
                new ContainerExecCreateParameters { Cmd = Placeholders.Expand(argv, AppDirectory, AppDirectory).ToList(), AttachStdout = true, AttachStderr = true },
                limit.Token).ConfigureAwait(false);
            using var stream = await _client.Exec.StartAndAttachContainerExecAsync(exec.ID, false, limit.Token).ConfigureAwait(false);
            var (stdout, stderr) = await stream.ReadOutputToEndAsync(limit.Token).ConfigureAwait(false);
            var inspect = await _client.Exec.InspectContainerExecAsync(exec.ID, limit.Token).ConfigureAwait(false);
            return new CommandOutput((int)inspect.ExitCode, (stdout + "\n" + stderr).Trim());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CommandOutput(124, $"{argv[0]}: timed out after {timeout.TotalSeconds:0} s in the container");
        }
        catch (DockerApiException ex)
        {
            return new CommandOutput(126, $"docker exec {argv[0]}: {ImageBuilder.ApiMessage(ex)}");
        }
    }

    /// <inheritdoc />
    public IDisposable Measuring()
    {
        Interlocked.Increment(ref _measuring);
        return new MeasuringScope(this);
    }

    /// <summary>Reads the stats once; when the engine keeps no peak (cgroup v2), samples the usage in the background from now on.</summary>
    public async Task StartSamplingIfNeededAsync(CancellationToken cancellationToken)
    {
        var stats = await ReadStatsAsync(cancellationToken).ConfigureAwait(false);
        if (stats is not null && stats.MemoryStats?.MaxUsage is null or 0)
        {
            _sampler = Task.Run(SampleAsync);
        }
    }

    public async Task<ResourceUsage?> ReadUsageAsync(CancellationToken cancellationToken)
    {
        if (_hasExited)
        {
            return _lastUsage;
        }

        var stats = await ReadStatsAsync(cancellationToken).ConfigureAwait(false);
        if (stats?.CPUStats?.CPUUsage is null || stats.MemoryStats is null || stats.Read == default)
        {
            return _lastUsage;
        }

        var current = CurrentMemory(stats.MemoryStats);
        var peak = Math.Max((long)stats.MemoryStats.MaxUsage, Math.Max(Interlocked.Read(ref _sampledPeak), current));
        _lastUsage = new ResourceUsage(stats.CPUStats.CPUUsage.TotalUsage / 1e9, current, peak);
        return _lastUsage;
    }

    public async Task<int?> StopAsync(CancellationToken cancellationToken)
    {
        if (!_hasExited)
        {
            try
            {
                await _client.Containers.StopContainerAsync(_id, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)Math.Ceiling(_stopGrace.TotalSeconds) }, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }

        var code = await _exit.WaitAsync(cancellationToken).ConfigureAwait(false);
        return code is null ? null : (int)code.Value;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Not the caller's token: after Ctrl-C the container must still go.
        using var limit = new CancellationTokenSource(_stopGrace + TimeSpan.FromSeconds(30));
        try
        {
            if (!_hasExited)
            {
                await _client.Containers.StopContainerAsync(_id, new ContainerStopParameters { WaitBeforeKillSeconds = 2 }, limit.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is DockerApiException or HttpRequestException or IOException or OperationCanceledException or TimeoutException)
        {
            // Removing with force below kills it anyway.
        }

        try
        {
            await _client.Containers.RemoveContainerAsync(_id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, limit.Token).ConfigureAwait(false);
            _removed(this);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            _removed(this);
        }
        catch (Exception ex) when (ex is DockerApiException or HttpRequestException or IOException or OperationCanceledException or TimeoutException)
        {
            // Stays in the runtime's list; the runtime retries when it is disposed, the next run sweeps it.
        }
        finally
        {
            await _background.CancelAsync().ConfigureAwait(false);
            await Quietly(_following).ConfigureAwait(false);
            await Quietly(_exit).ConfigureAwait(false);
            await Quietly(_sampler).ConfigureAwait(false);
            _background.Dispose();
        }
    }

    private async Task<long?> WatchExitAsync()
    {
        long? code = null;
        while (!_background.IsCancellationRequested)
        {
            try
            {
                var response = await _client.Containers.WaitContainerAsync(_id, _background.Token).ConfigureAwait(false);
                code = response.StatusCode;
                break;
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                break;
            }
            catch (Exception ex) when (ex is DockerApiException or HttpRequestException or IOException or TimeoutException)
            {
                // The long poll broke (engine timeout, connection reset): ask directly, and wait again while it runs.
                var state = await InspectStateAsync().ConfigureAwait(false);
                if (state is null || !state.Running)
                {
                    code = state?.ExitCode;
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), _background.Token).ConfigureAwait(false);
            }
        }

        // The output ends when the container does: take its last lines before saying it exited.
        await Quietly(_following.WaitAsync(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        _hasExited = true;
        return code;
    }

    private async Task<ContainerState?> InspectStateAsync()
    {
        try
        {
            var inspect = await _client.Containers.InspectContainerAsync(_id, _background.Token).ConfigureAwait(false);
            return inspect.State;
        }
        catch (Exception ex) when (ex is DockerApiException or HttpRequestException or IOException or TimeoutException)
        {
            return null;
        }
    }

    private async Task<ContainerStatsResponse?> ReadStatsAsync(CancellationToken cancellationToken)
    {
        var last = new LastValue<ContainerStatsResponse>();
        try
        {
            await _client.Containers.GetContainerStatsAsync(_id, new ContainerStatsParameters { Stream = false, OneShot = true }, last, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DockerApiException or HttpRequestException or IOException or TimeoutException)
        {
            return null;
        }

        return last.Value;
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(s_samplePeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(_background.Token).ConfigureAwait(false) && !_hasExited)
            {
                if (Volatile.Read(ref _measuring) == 0)
                {
                    continue;
                }

                var stats = await ReadStatsAsync(_background.Token).ConfigureAwait(false);
                if (stats?.MemoryStats is { } memory && stats.Read != default)
                {
                    var current = CurrentMemory(memory);
                    long seen;
                    while ((seen = Interlocked.Read(ref _sampledPeak)) < current && Interlocked.CompareExchange(ref _sampledPeak, current, seen) != seen)
                    {
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    /// <summary>What `docker stats` shows: the cgroup's usage without the inactive page cache.</summary>
    private static long CurrentMemory(MemoryStats memory)
    {
        var stats = memory.Stats ?? new Dictionary<string, ulong>();
        ulong inactive = stats.TryGetValue("total_inactive_file", out var v1) ? v1 : stats.TryGetValue("inactive_file", out var v2) ? v2 : 0;
        return (long)(memory.Usage > inactive ? memory.Usage - inactive : memory.Usage);
    }

    private static async Task Quietly(Task? task)
    {
        if (task is null)
        {
            return;
        }

        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or DockerApiException or HttpRequestException or IOException)
        {
            // Background work ending with its container.
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({_id[..Math.Min(12, _id.Length)]})");

    private sealed class MeasuringScope(RunningContainer container) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref container._measuring);
            }
        }
    }
}
