using System.Diagnostics;
using System.Globalization;
using VmBench.Cli.Commands.Common;
using VmBench.Core.Runtimes;

namespace VmBench.Cli.Commands.Build;

/// <summary>`vmbench build`: builds every server of the selected benchmarks once, in the chosen runtime, and says what it did.</summary>
public sealed class BuildCommand
{
    private readonly string _servers;
    private readonly string[] _patterns;
    private readonly string _runtime;
    private readonly string? _dockerHost;
    private readonly TextWriter _out;
    private readonly TextWriter _error;

    public BuildCommand(string servers, string[] patterns, string runtime, string? dockerHost, TextWriter output, TextWriter error)
    {
        _servers = servers;
        _patterns = patterns;
        _runtime = runtime;
        _dockerHost = dockerHost;
        _out = output;
        _error = error;
    }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var benchmarks = SelectionLoader.Load(_servers, _patterns, _error);
        if (benchmarks is null)
        {
            return UsageError.Write(_error, "build");
        }

        var runtime = await RuntimeFactory.CreateOrReportAsync("build", _runtime, _dockerHost, LoadComponents.CreateProbe(), _out, _error, cancellationToken).ConfigureAwait(false);
        if (runtime is null)
        {
            return ExitCodes.Usage;
        }

        await using (runtime.ConfigureAwait(false))
        {
            var servers = benchmarks.Select(b => b.Server).DistinctBy(s => s.Id).ToArray();
            var clock = Stopwatch.StartNew();
            var counts = new Dictionary<BuildStatus, int>();
            try
            {
                foreach (var server in servers)
                {
                    var step = Stopwatch.StartNew();
                    var result = await runtime.BuildAsync(server, cancellationToken).ConfigureAwait(false);
                    counts[result.Status] = counts.GetValueOrDefault(result.Status) + 1;
                    var line = string.Create(CultureInfo.InvariantCulture, $"{Label(result.Status),-10} {result.Message} [{step.Elapsed.TotalSeconds:0.0} s]");
                    await (result.Status == BuildStatus.Failed ? _error : _out).WriteLineAsync(line).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                await _error.WriteLineAsync("cancelled").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }

            await _out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{servers.Length} server{(servers.Length == 1 ? string.Empty : "s")} in {clock.Elapsed.TotalSeconds:0.0} s ({runtime.Name}): {counts.GetValueOrDefault(BuildStatus.Built)} built, {counts.GetValueOrDefault(BuildStatus.UpToDate)} up to date, {counts.GetValueOrDefault(BuildStatus.Skipped)} skipped, {counts.GetValueOrDefault(BuildStatus.Failed)} failed")).ConfigureAwait(false);
            return counts.GetValueOrDefault(BuildStatus.Failed) > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        }
    }

    private static string Label(BuildStatus status) => status switch
    {
        BuildStatus.Built => "built",
        BuildStatus.UpToDate => "up-to-date",
        BuildStatus.Skipped => "skipped",
        _ => "FAILED",
    };
}
