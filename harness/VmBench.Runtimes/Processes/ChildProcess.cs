using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using VmBench.Runtimes.Native;

namespace VmBench.Runtimes.Processes;

/// <summary>
/// The one way the harness starts a program (a server, a build, a benchmark process): argv as given, stdin
/// closed, each output line (cut at <see cref="BoundedLines.MaxLineLength"/>) handed to a callback, and the
/// whole tree it starts kept in reach. The child gets its own session and process group and SIGKILL when the
/// harness dies (<c>setsid</c> and <c>setpriv --pdeathsig KILL</c>, when installed), and an environment
/// variable that everything it starts inherits, so <see cref="KillTree"/> finds even what left the group
/// (setsid, double fork). A marker file per child lets the next harness stop what a killed one left
/// (<see cref="SweepLeftovers"/>). Waiting is for the exit alone, never for the pipes, which a
/// grandchild may hold open.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private static readonly ConcurrentDictionary<ChildProcess, byte> s_live = new();
    private static readonly string[] s_wrapper = Wrapper();

    private readonly Process _process;
    private readonly string _token;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _output = Task.CompletedTask;
    private string? _marker;
    private long _startTime;
    private int _disposed;

    static ChildProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var child in s_live.Keys)
            {
                child.KillTree();
            }
        };
    }

    private ChildProcess(Process process, string token)
    {
        _process = process;
        _token = token;
    }

    /// <summary>How children are contained on this machine, in words.</summary>
    public static string Containment => s_wrapper.Length > 0
        ? "own process group, SIGKILL if the harness dies (setsid, setpriv --pdeathsig), tree found by an inherited variable"
        : "tree found by an inherited variable (no setsid/setpriv: no process group, no parent-death signal)";

    public int Id { get; private set; }

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>The exit code (128 + signal when killed), or null while it runs.</summary>
    public int? ExitCode => HasExited ? _process.ExitCode : null;

    /// <summary>Starts <paramref name="argv"/>; throws <see cref="Win32Exception"/> when its program cannot be found or started.</summary>
    public static ChildProcess Start(IReadOnlyList<string> argv, string workingDirectory, IReadOnlyDictionary<string, string>? environment, Action<string> onOutput, Action<string> onError)
    {
        ArgumentNullException.ThrowIfNull(argv);
        var program = argv.Count > 0 ? Resolve(argv[0]) : null;
        if (program is null)
        {
            throw new Win32Exception(2); // ENOENT: "No such file or directory"
        }

        var token = Guid.NewGuid().ToString("N");
        var info = new ProcessStartInfo(s_wrapper.Length > 0 ? s_wrapper[0] : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in s_wrapper.Length > 0 ? [.. s_wrapper.Skip(1), program, .. argv.Skip(1)] : argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        info.Environment[ProcessTree.VariableOf(token)] = "1";

        // A dotnet build inside the child starts no build servers (MSBuild nodes, the shared compiler):
        // they would be part of its tree, killed when it ends, possibly under another build that reused them.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["UseSharedCompilation"] = "false";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, token);
        process.Exited += (_, _) => child._exited.TrySetResult();
        try
        {
            ForkThread.Run(() => process.Start());
        }
        catch
        {
            process.Dispose();
            throw;
        }

        child.Id = process.Id;
        child._startTime = ProcessTree.StartTime(process.Id) ?? 0;
        child._marker = ChildMarkers.Write(token, process.Id);
        s_live[child] = 0;
        process.StandardInput.Close();
        child._output = Task.WhenAll(
            Task.Run(() => PumpAsync(process.StandardOutput, onOutput)),
            Task.Run(() => PumpAsync(process.StandardError, onError)));
        return child;
    }

    /// <summary>The full path of a program (a path, or a name on PATH), or null when there is none.</summary>
    public static string? Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
    }

    /// <summary>Stops the trees of children whose harness is gone (killed before it could stop them); returns how many processes that took.</summary>
    public static int SweepLeftovers() => ChildMarkers.Sweep();

    /// <summary>Completes when the process has exited (its output may still be arriving: see <see cref="DrainAsync"/>).</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _exited.Task.WaitAsync(cancellationToken);

    /// <summary>Sends a signal to the process itself (not its tree), unless it has exited.</summary>
    public void Signal(int signal)
    {
        if (!HasExited)
        {
            _ = Libc.Kill(Id, signal);
        }
    }

    /// <summary>SIGKILLs the process and everything it started that still runs; returns how many processes that was.</summary>
    public int KillTree() => ProcessTree.Kill(_token, (Id, _startTime));

    /// <summary>Waits (at most <paramref name="bound"/>) until the output is read to its end; false when something still holds the pipes.</summary>
    public async Task<bool> DrainAsync(TimeSpan bound)
    {
        try
        {
            await _output.WaitAsync(bound).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Kills the tree and releases the process.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        KillTree();
        s_live.TryRemove(this, out _);
        ChildMarkers.Remove(_marker);
        _process.Dispose();
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        var lines = new BoundedLines(onLine);
        var buffer = new char[8192];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
            {
                lines.Write(buffer.AsSpan(0, read));
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // Released while reading.
        }

        lines.Flush();
    }

    private static string[] Wrapper()
    {
        var setsid = Resolve("setsid");
        var setpriv = Resolve("setpriv");
        return OperatingSystem.IsLinux() && setsid is not null && setpriv is not null ? [setsid, setpriv, "--pdeathsig", "KILL", "--"] : [];
    }
}
