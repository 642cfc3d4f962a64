using System.ComponentModel;
using System.Diagnostics;

namespace VmBench.Cli.Commands.Micro;

/// <summary>
/// Runs a child (the build, the BenchmarkDotNet process) with its output forwarded line by line as it comes:
/// a micro run takes minutes and should show progress. Cancellation (Ctrl-C) kills the child's whole process
/// tree by PID, including the benchmark processes BenchmarkDotNet started, then rethrows.
/// </summary>
public static class MicroProcess
{
    /// <summary>The exit code, or 127 when the program cannot be started (with a message on <paramref name="errors"/>).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> argv, string workingDirectory, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(argv);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
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

        using var process = new Process { StartInfo = info };
        var gate = new Lock();
        process.OutputDataReceived += (_, e) => Forward(gate, output, e.Data);
        process.ErrorDataReceived += (_, e) => Forward(gate, errors, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            await errors.WriteLineAsync($"error: cannot start {argv[0]}: {ex.Message}").ConfigureAwait(false);
            return 127;
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            throw;
        }

        process.WaitForExit(); // drains the redirected streams
        return process.ExitCode;
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void Forward(Lock gate, TextWriter writer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}
