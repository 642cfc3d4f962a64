using System.ComponentModel;
using System.Globalization;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using VmBench.Runtimes.Native;
using VmBench.Runtimes.Processes;
using VmBench.Runtimes.Readiness;

namespace VmBench.Runtimes.Local;

/// <summary>
/// A server running as a local process (a <see cref="ChildProcess"/>): stopped with SIGTERM, then SIGKILL for its
/// whole tree, and every wait bounded, so a child that escaped its group or holds its pipes neither hangs the
/// harness nor survives it.
/// </summary>
internal sealed class RunningProcess : IRunningServer, IStartingServer
{
    private static readonly long s_clockTicks = Math.Max(1, Libc.Sysconf(Libc.SC_CLK_TCK));
    private static readonly TimeSpan s_drain = TimeSpan.FromSeconds(2);

    private readonly ChildProcess _process;
    private readonly LogBuffer _log;
    private readonly TimeSpan _grace;
    private readonly string _directory;
    private readonly string _output;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private int? _exitCode;
    private int _drained;

    private RunningProcess(ChildProcess process, LogBuffer log, Address address, IReadOnlyList<string> command, TimeSpan grace, string directory, string output, IReadOnlyDictionary<string, string> environment)
    {
        _process = process;
        Command = command;
        _log = log;
        Address = address;
        _grace = grace;
        _directory = directory;
        _output = output;
        _environment = environment;
    }

    public Address Address { get; }

    public IReadOnlyList<string> Command { get; }

    public int ProcessId => _process.Id;

    /// <summary>True once the process has ended; its last output is read (for at most 2 s) before this says so, so the log tail that follows is complete.</summary>
    public bool HasExited
    {
        get
        {
            if (!_process.HasExited)
            {
                return false;
            }

            if (Interlocked.Exchange(ref _drained, 1) == 0)
            {
                _process.DrainAsync(s_drain).GetAwaiter().GetResult();
            }

            return true;
        }
    }

    /// <param name="output">The server's build output folder: what <c>{out}</c> means in <see cref="ExecAsync"/>'s commands.</param>
    /// <param name="command">The server's own command within <paramref name="argv"/> (<see cref="IRunningServer.Command"/>).</param>
    public static RunningProcess Start(IReadOnlyList<string> argv, IReadOnlyList<string> command, string workingDirectory, string output, IReadOnlyDictionary<string, string> environment, Address address, TimeSpan grace)
    {
        var log = new LogBuffer();
        try
        {
            var process = ChildProcess.Start(argv, workingDirectory, environment, log.Add, log.Add);
            return new RunningProcess(process, log, address, command, grace, workingDirectory, output, environment);
        }
        catch (Win32Exception ex)
        {
            throw new ServerStartException($"cannot start '{argv[0]}': {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    /// <remarks>/proc has the cumulative CPU time and keeps the peak (VmHWM): a reading at each end, nothing to sample.</remarks>
    public Task<IUsageWindow> BeginMeasurementAsync(CancellationToken cancellationToken) => SnapshotUsageWindow.BeginAsync(ReadUsageAsync, cancellationToken);

    public string LogTail(int lines = 20) => _log.Tail(lines);

    /// <inheritdoc />
    public Task<IReadOnlyList<int>> HostProcessIdsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<int>>(_process.HasExited ? [] : [_process.Id]);

    /// <inheritdoc />
    /// <remarks>On this machine, in the server's folder and with its environment; <c>{dir}</c> and <c>{out}</c> expanded as in its run command.</remarks>
    public async Task<CommandOutput> ExecAsync(IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(argv);
        var result = await ProcessRunner.RunAsync(Placeholders.Expand(argv, _directory, _output), _directory, _environment, timeout, cancellationToken).ConfigureAwait(false);
        return new CommandOutput(result.ExitCode, (result.StdOut + "\n" + result.StdErr).Trim());
    }

    public Task<ResourceUsage?> ReadUsageAsync(CancellationToken cancellationToken)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{ProcessId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            long rss = 0;
            long peak = 0;
            foreach (var line in File.ReadLines($"/proc/{ProcessId}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line);
                }
            }

            return Task.FromResult<ResourceUsage?>(new ResourceUsage((double)ticks / s_clockTicks, rss, peak));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return Task.FromResult<ResourceUsage?>(null);
        }
    }

    public async Task<int?> StopAsync(CancellationToken cancellationToken)
    {
        if (_exitCode is not null)
        {
            return _exitCode;
        }

        if (!_process.HasExited)
        {
            _process.Signal(Libc.SIGTERM);
            if (!await ExitsWithinAsync(_grace, cancellationToken).ConfigureAwait(false))
            {
                _log.Add($"[vmbench] no exit {_grace.TotalSeconds:0} s after SIGTERM: sent SIGKILL");
            }
        }

        // Whatever it started and left running (a child that ignores SIGTERM, a daemon) goes with it.
        if (_process.KillTree() > 0 && !await ExitsWithinAsync(s_drain, CancellationToken.None).ConfigureAwait(false))
        {
            _log.Add("[vmbench] still no exit after SIGKILL");
        }

        await _process.DrainAsync(s_drain).ConfigureAwait(false);
        _exitCode = _process.ExitCode;
        return _exitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task<bool> ExitsWithinAsync(TimeSpan bound, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(bound);
        try
        {
            await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false; // out of time, or asked to stop now: SIGKILL follows
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
