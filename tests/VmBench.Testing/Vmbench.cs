using System.Diagnostics;
using System.Text;

namespace VmBench.Testing;

/// <summary>Runs the real vmbench executable (the build output beside the tests) as a child process.</summary>
public sealed class Vmbench : IDisposable
{
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private Vmbench(Process process)
    {
        Process = process;
    }

    public Process Process { get; }

    public string StdOut
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StdErr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static Vmbench Start(params string[] args)
    {
        // Through env, which execs dotnet in the same process with SIGINT's default handling: a test run started in the
        // background (`cmd &` in a script ignores SIGINT, and children inherit that) must still see vmbench take Ctrl-C.
        var info = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vmbench.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var vmbench = new Vmbench(process);
        process.OutputDataReceived += (_, e) => Append(vmbench._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(vmbench._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return vmbench;
    }

    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var vmbench = Start(args);
        var exit = await vmbench.WaitAsync(timeout);
        return (exit, vmbench.StdOut, vmbench.StdErr);
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Process.Kill(entireProcessTree: true);
            throw new TimeoutException($"vmbench did not finish in {timeout}; stdout:\n{StdOut}\nstderr:\n{StdErr}");
        }

        Process.WaitForExit();
        return Process.ExitCode;
    }

    /// <summary>The PIDs of this process's children (servers started by the local runtime).</summary>
    public IReadOnlyList<int> Children() => ChildrenOf(Process.Id);

    public static IReadOnlyList<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return children;
    }

    public static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is not null)
        {
            lock (builder)
            {
                builder.AppendLine(line);
            }
        }
    }
}
