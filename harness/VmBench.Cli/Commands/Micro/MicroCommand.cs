using System.CommandLine;
using System.Globalization;
using VmBench.Cli.Commands.Common;
using VmBench.Cli.Commands.Report;
using VmBench.Core.Results;

namespace VmBench.Cli.Commands.Micro;

/// <summary>
/// `vmbench micro`: builds harness/VmBench.Micro in Release when it is missing or older than its sources, runs
/// it as a child process (BenchmarkDotNet stays out of the CLI) with the exports going to &lt;run&gt;/micro/,
/// writes a run.json when the folder has none, and regenerates the folder's report with its micro section.
/// </summary>
public sealed class MicroCommand
{
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(10);

    private readonly ParseResult _parse;
    private readonly TextWriter _out;
    private readonly TextWriter _error;

    public MicroCommand(ParseResult parse)
    {
        _parse = parse;
        _out = Console.Out;
        _error = Console.Error;
    }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var filters = _parse.GetValue(MicroCommandDefinition.Filter) ?? [];
        var dry = _parse.GetValue(MicroCommandDefinition.Dry);
        var output = Path.GetFullPath(_parse.GetValue(MicroCommandDefinition.Output)
            ?? Path.Combine(RepositoryPaths.Results(), DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));
        var writable = OutputCheck.Check(output);
        if (writable is not null)
        {
            return UsageError.Write(_error, "micro", writable);
        }

        var project = MicroProject.Find();
        if (!File.Exists(project.Project))
        {
            return UsageError.Write(_error, "micro", $"{project.Project} not found (run vmbench inside the repository, or set VMBENCH_ROOT)");
        }

        try
        {
            if (!await BuildIfOutdatedAsync(project, cancellationToken).ConfigureAwait(false))
            {
                return ExitCodes.Failed;
            }

            var micro = MicroExports.Prepare(output);
            var exit = await MicroProcess.RunAsync(Arguments(project, filters, dry, micro), micro, _out, _error, cancellationToken).ConfigureAwait(false);
            var exports = MicroExports.Collect(output);
            await _out.WriteLineAsync($"micro: {exports.Count} BenchmarkDotNet report(s) in {micro}").ConfigureAwait(false);
            if (exports.Count == 0)
            {
                await _error.WriteLineAsync("error: BenchmarkDotNet wrote no *-report-full.json (did the filter match nothing? list the benchmarks with: dotnet " + project.Assembly + " --list flat)").ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            if (MicroRunJson.WriteIfMissing(output, CommandLine(), filters, dry))
            {
                await _out.WriteLineAsync($"results: {Path.Combine(output, RunJson.FileName)} (micro-benchmarks only)").ConfigureAwait(false);
            }

            // The folder's reports, as `vmbench report` makes them: report.html gains the micro section.
            var reported = await ReportCommand.ExecuteAsync(output, _out, _error, cancellationToken).ConfigureAwait(false);
            if (reported == ExitCodes.Cancelled)
            {
                return reported;
            }

            return exit == 0 && reported == ExitCodes.Ok ? ExitCodes.Ok : ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            await _error.WriteLineAsync("cancelled: the micro-benchmark process was stopped").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
    }

    private static List<string> Arguments(MicroProject project, IReadOnlyList<string> filters, bool dry, string artifacts)
    {
        var argv = new List<string> { "dotnet", project.Assembly };
        if (dry)
        {
            argv.Add("--dry");
        }

        argv.Add("--filter");
        argv.AddRange(filters.Count == 0 ? ["*"] : filters);
        argv.Add("--artifacts");
        argv.Add(artifacts);
        return argv;
    }

    /// <summary>False (after saying why) when the build failed.</summary>
    private async Task<bool> BuildIfOutdatedAsync(MicroProject project, CancellationToken cancellationToken)
    {
        if (!project.IsOutdated())
        {
            return true;
        }

        await _out.WriteLineAsync($"micro: building {Path.GetRelativePath(project.Root, project.Project)} ({MicroProject.Configuration})").ConfigureAwait(false);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(s_buildTimeout);
        int exit;
        try
        {
            exit = await MicroProcess.RunAsync(
                ["dotnet", "build", project.Project, "-c", MicroProject.Configuration, "--nologo", "-v", "quiet", "-clp:ErrorsOnly"],
                project.Root,
                _out,
                _error,
                limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await _error.WriteLineAsync($"error: building {project.Project} took longer than {s_buildTimeout.TotalMinutes:0} minutes").ConfigureAwait(false);
            return false;
        }

        if (exit != 0 || !File.Exists(project.Assembly))
        {
            await _error.WriteLineAsync($"error: building {project.Project} failed (exit {exit}); fix the errors above, or run: dotnet build {project.Project} -c {MicroProject.Configuration}").ConfigureAwait(false);
            return false;
        }

        project.MarkBuilt();
        return true;
    }

    private static string CommandLine() =>
        "vmbench " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
}
