using System.ComponentModel;
using VmBench.Runtimes.Processes;

namespace VmBench.Cli.Commands.Micro;

/// <summary>
/// Runs a child (the build, the BenchmarkDotNet process) with its output forwarded line by line as it comes:
/// a micro run takes minutes and should show progress. Cancellation (Ctrl-C) kills the child's whole process
/// tree, including the benchmark processes BenchmarkDotNet started, then rethrows.
/// </summary>
public static class MicroProcess
{
    /// <summary>The exit code, or 127 when the program cannot be started (with a message on <paramref name="errors"/>).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> argv, string workingDirectory, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(argv);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var gate = new Lock();
        ChildProcess child;
        try
        {
            child = ChildProcess.Start(argv, workingDirectory, null, line => Forward(gate, output, line), line => Forward(gate, errors, line));
        }
        catch (Win32Exception ex)
        {
            await errors.WriteLineAsync($"error: cannot start {argv[0]}: {ex.Message}").ConfigureAwait(false);
            return 127;
        }

        using (child)
        {
            await child.WaitForExitAsync(cancellationToken).ConfigureAwait(false); // cancelled: disposing kills the tree
            child.KillTree();
            await child.DrainAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            return child.ExitCode ?? 127;
        }
    }

    private static void Forward(Lock gate, TextWriter writer, string line)
    {
        lock (gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}
