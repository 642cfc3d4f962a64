using System.ComponentModel;
using System.Text;

namespace VmBench.Runtimes.Processes;

/// <summary>
/// The one way the harness runs a command to completion: captured output (lines cut, at most
/// <see cref="MaxCaptured"/> characters a stream), a timeout, and its whole tree killed when it ends,
/// times out or is cancelled, so a command that backgrounds a process neither holds the harness nor outlives it.
/// </summary>
public static class ProcessRunner
{
    /// <summary>The most characters of each of stdout and stderr kept.</summary>
    public const int MaxCaptured = 1024 * 1024;

    private static readonly TimeSpan s_drain = TimeSpan.FromSeconds(2);

    public static async Task<ProcessResult> RunAsync(
        IReadOnlyList<string> argv,
        string? workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(argv);
        var stdout = new Captured();
        var stderr = new Captured();
        ChildProcess child;
        try
        {
            child = ChildProcess.Start(argv, workingDirectory ?? Environment.CurrentDirectory, environment, stdout.Add, stderr.Add);
        }
        catch (Win32Exception ex)
        {
            return new ProcessResult(127, string.Empty, $"{argv[0]}: {ex.Message}");
        }

        using (child)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            var timedOut = false;
            try
            {
                await child.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                child.KillTree();
                cancellationToken.ThrowIfCancellationRequested();
                timedOut = true;
            }

            child.KillTree(); // what it left running in the background
            await child.DrainAsync(s_drain).ConfigureAwait(false);
            if (timedOut)
            {
                stderr.Add($"{argv[0]}: timed out after {timeout.TotalSeconds:0} s and was killed");
                return new ProcessResult(124, stdout.ToString(), stderr.ToString());
            }

            return new ProcessResult(child.ExitCode ?? 124, stdout.ToString(), stderr.ToString());
        }
    }

    /// <summary>Whether an executable is on PATH (or is an existing path).</summary>
    public static bool OnPath(string name) => ChildProcess.Resolve(name) is not null;

    /// <summary>One stream's lines, up to <see cref="MaxCaptured"/> characters, then a note that the rest was dropped.</summary>
    private sealed class Captured
    {
        private readonly StringBuilder _text = new();
        private bool _cut;

        public void Add(string line)
        {
            lock (_text)
            {
                if (_text.Length + line.Length < MaxCaptured)
                {
                    _text.AppendLine(line);
                }
                else if (!_cut)
                {
                    _text.AppendLine("[vmbench: output cut after 1 MiB]");
                    _cut = true;
                }
            }
        }

        public override string ToString()
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }
}
