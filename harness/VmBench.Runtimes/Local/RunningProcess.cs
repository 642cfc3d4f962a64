using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using VmBench.Runtimes.Native;
using VmBench.Runtimes.Processes;
using VmBench.Runtimes.Readiness;

namespace VmBench.Runtimes.Local;

/// <summary>A server running as a local process. Every live one is also killed when the harness exits, so none is ever left behind.</summary>
internal sealed class RunningProcess : IRunningServer, IStartingServer
{
    private static readonly ConcurrentDictionary<int, Process> s_live = new();
    private static readonly long s_clockTicks = Math.Max(1, Libc.Sysconf(Libc.SC_CLK_TCK));

    private readonly Process _process;
    private readonly LogBuffer _log = new();
    private readonly TimeSpan _grace;
    private readonly string _directory;
    private readonly string _output;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private int? _exitCode;
    private int _drained;

    static RunningProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in s_live.Values)
            {
                ProcessRunner.KillTree(process);
            }
        };
    }

    private RunningProcess(Process process, string address, TimeSpan grace, string directory, string output, IReadOnlyDictionary<string, string> environment)
    {
        _process = process;
        Address = address;
        _grace = grace;
        _directory = directory;
        _output = output;
        _environment = environment;
    }

    public string Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>True once the process has ended; its last output is read in full before this says so, so the log tail that follows is complete.</summary>
    public bool HasExited
    {
        get
        {
            if (!_process.HasExited)
            {
                return false;
            }

            DrainOutput();
            return true;
        }
    }

    /// <param name="output">The server's build output folder: what <c>{out}</c> means in <see cref="ExecAsync"/>'s commands.</param>
    public static RunningProcess Start(IReadOnlyList<string> argv, string workingDirectory, string output, IReadOnlyDictionary<string, string> environment, string address, TimeSpan grace)
    {
        var info = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var running = new RunningProcess(process, address, grace, workingDirectory, output, environment);
        process.OutputDataReceived += (_, e) => running._log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => running._log.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new ServerStartException($"cannot start '{argv[0]}': {ex.Message}", ex);
        }

        s_live[process.Id] = process;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
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
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            long rss = 0;
            long peak = 0;
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
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
            _ = Libc.Kill(_process.Id, Libc.SIGTERM);
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(_grace);
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _log.Add($"[vmbench] no exit {_grace.TotalSeconds:0} s after SIGTERM: sent SIGKILL");
                ProcessRunner.KillTree(_process);
            }
        }

        _process.WaitForExit();
        _exitCode = _process.ExitCode;
        s_live.TryRemove(_process.Id, out _);
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
            ProcessRunner.KillTree(_process);
            s_live.TryRemove(_process.Id, out _);
            _process.Dispose();
        }
    }

    /// <summary>Waits (at most 2 s: a grandchild may hold the pipes) until the redirected output of an exited process is read to its end.</summary>
    private void DrainOutput()
    {
        if (Volatile.Read(ref _drained) == 0)
        {
            Task.Run(() => _process.WaitForExit()).Wait(TimeSpan.FromSeconds(2));
            Volatile.Write(ref _drained, 1);
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
