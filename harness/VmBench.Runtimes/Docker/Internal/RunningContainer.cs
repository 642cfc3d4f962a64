using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using VmBench.Runtimes.Readiness;
using Address = VmBench.Core.Model.Address;

namespace VmBench.Runtimes.Docker.Internal;

/// <summary>
/// A server in a container. Background tasks follow its output and wait for its exit; disposing
/// stops and removes the container, always, whatever the caller's token says.
/// </summary>
internal sealed class RunningContainer : IRunningServer, IStartingServer
{
    private readonly DockerClient _client;
    private readonly string _id;
    private readonly TimeSpan _stopGrace;
    private readonly Action<RunningContainer> _removed;
    private readonly CancellationTokenSource _background = new();
    private readonly ContainerLogs _logs = new();
    private readonly Task _following;
    private readonly Task<long?> _exit;
    private long _sampledPeak;
    private Lazy<Task<ContainerCgroup?>>? _cgroup;
    private ResourceUsage? _lastUsage;
    private volatile bool _hasExited;
    private int _disposed;
    private int _hostPid; // 0: not looked up yet; -1: not visible from this machine

    public RunningContainer(DockerClient client, string id, string name, Address address, IReadOnlyList<string> command, TimeSpan stopGrace, Action<RunningContainer> removed)
    {
        _client = client;
        Command = command;
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

    public Address Address { get; }

    /// <summary>The image's ENTRYPOINT.</summary>
    public IReadOnlyList<string> Command { get; }

    public bool HasExited => _hasExited;

    /// <summary>The container's exit code once it has exited.</summary>
    public long? ExitCode => _exit.IsCompletedSuccessfully ? _exit.Result : null;

    public string LogTail(int lines = 20) => _logs.Tail(lines);

    /// <inheritdoc />
    /// <remarks>The container's main process, once it runs, and only when its cgroup names this container (the engine runs on this machine).</remarks>
    public async Task<IReadOnlyList<int>> HostProcessIdsAsync(CancellationToken cancellationToken)
    {
        if (_hostPid == 0 && !_hasExited)
        {
            var state = await InspectStateAsync().ConfigureAwait(false);
            if (state is { Running: true, Pid: > 0 })
            {
                _hostPid = ContainerCgroup.Find(state.Pid, _id) is null ? -1 : (int)state.Pid;
            }
        }

        return _hostPid > 0 && !_hasExited ? [_hostPid] : [];
    }

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
    /// <remarks>
    /// From the container's cgroup files when the engine runs on this machine (two instant readings); otherwise from
    /// the engine's stats stream, open only during the window. Which one is decided once, at the first window.
    /// </remarks>
    public async Task<IUsageWindow> BeginMeasurementAsync(CancellationToken cancellationToken)
    {
        _cgroup ??= new Lazy<Task<ContainerCgroup?>>(FindCgroupAsync);
        var cgroup = await _cgroup.Value.ConfigureAwait(false);
        return cgroup is null
            ? new StatsStreamWindow(_client, _id, SawMemory, cancellationToken)
            : await SnapshotUsageWindow.BeginAsync(_ => Task.FromResult(ReadCgroup(cgroup)), cancellationToken).ConfigureAwait(false);
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

        var current = ContainerMemory.Current(stats.MemoryStats);
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

    private async Task<ContainerCgroup?> FindCgroupAsync()
    {
        var state = await InspectStateAsync().ConfigureAwait(false);
        return state is { Running: true, Pid: > 0 } ? ContainerCgroup.Find(state.Pid, _id) : null;
    }

    private ResourceUsage? ReadCgroup(ContainerCgroup cgroup) =>
        cgroup.Read() is { } usage ? new ResourceUsage(usage.CpuSeconds, usage.Memory, Math.Max(usage.Peak, SawMemory(usage.Memory))) : null;

    /// <summary>Records memory a window saw; returns the peak so far.</summary>
    private long SawMemory(long bytes)
    {
        long seen;
        while ((seen = Interlocked.Read(ref _sampledPeak)) < bytes && Interlocked.CompareExchange(ref _sampledPeak, bytes, seen) != seen)
        {
        }

        return Math.Max(seen, bytes);
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
}
