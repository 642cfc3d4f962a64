using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Runtimes;

namespace VmBench.Core.Running;

/// <summary>Reads the versions a manifest lists from a started server; a failing command is recorded with its error, never fails the run.</summary>
public static class VersionReader
{
    /// <summary>How long one version command may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>Longest version text kept (a command that prints a page is cut).</summary>
    public const int MaxLength = 300;

    public static async Task<IReadOnlyList<RuntimeVersion>> ReadAsync(IRunningServer server, IReadOnlyList<VersionCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(commands);
        var versions = new List<RuntimeVersion>();
        foreach (var command in commands)
        {
            versions.Add(await ReadAsync(server, command, cancellationToken).ConfigureAwait(false));
        }

        return versions;
    }

    private static async Task<RuntimeVersion> ReadAsync(IRunningServer server, VersionCommand command, CancellationToken cancellationToken)
    {
        CommandOutput output;
        try
        {
            output = await server.ExecAsync(command.Command, Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new RuntimeVersion(command.Name, command.Command, null, Cut($"{ex.GetType().Name}: {ex.Message}"));
        }

        var text = Cut(output.Output);
        var first = output.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return output.Succeeded && first is not null
            ? new RuntimeVersion(command.Name, command.Command, Cut(first), null)
            : new RuntimeVersion(command.Name, command.Command, null, $"exit {output.ExitCode}: {(text.Length > 0 ? text : "no output")}");
    }

    /// <summary>A version is the output's first line (cc --version goes on with a licence); an error keeps every line. One line: the lines joined with "; ", at most <see cref="MaxLength"/> characters.</summary>
    private static string Cut(string text)
    {
        var line = string.Join("; ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > MaxLength ? line[..MaxLength] + " ..." : line;
    }
}
