using System.CommandLine;
using System.Globalization;
using VmBench.Cli.Commands.Common;
using VmBench.Cli.Commands.Micro;
using VmBench.Core.Load;
using VmBench.Core.Results;
using VmBench.Core.Runtimes;
using VmBench.Core.Running;
using VmBench.Reporting.Compare;
using VmBench.Runtimes.Native;

namespace VmBench.Cli.Commands.Run;

/// <summary>`vmbench run`: validates the options, freezes them into a <see cref="RunPlan"/>, runs it, writes the reports.</summary>
public sealed class RunCommand
{
    private readonly ParseResult _parse;
    private readonly TextWriter _out;
    private readonly TextWriter _error;

    public RunCommand(ParseResult parse)
    {
        _parse = parse;
        _out = Console.Out;
        _error = Console.Error;
    }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var config = ReadConfig(out var problems);
        if (config is null)
        {
            return UsageError.Write(_error, Verb, problems);
        }

        var selected = SelectionLoader.Load(_parse.GetValue(RunCommandDefinition.Servers)!, config.Benchmarks, _error, out var all);
        if (selected is null)
        {
            return UsageError.Write(_error, Verb);
        }

        if (_parse.GetValue(RunCommandDefinition.Reference) is null && config.Reference is not null && all.All(b => b.Server.Id != config.Reference))
        {
            await _error.WriteLineAsync($"warning: the default reference server '{config.Reference}' is not among the discovered servers: figures get no ratio to a reference (pass --reference ID, or --reference none to silence this)").ConfigureAwait(false);
            config = config with { Reference = null };
        }

        var arms = ReferenceArms.Add(all, selected, config.Reference, config.Aa);
        if (arms.Error is not null)
        {
            return UsageError.Write(_error, Verb, arms.Error);
        }

        var benchmarks = arms.Benchmarks;

        var replaced = ReplaceEarlierRun(config.Output);
        if (replaced is not null)
        {
            await _error.WriteLineAsync("error: " + replaced).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var writable = OutputCheck.Check(config.Output);
        if (writable is not null)
        {
            return UsageError.Write(_error, Verb, writable);
        }

        var pinned = CpuAffinity.PinCurrentProcess(config.ClientCpus);
        if (pinned is not null)
        {
            await _error.WriteLineAsync($"warning: the load client is not pinned: {pinned}").ConfigureAwait(false);
        }

        var probe = LoadComponents.CreateProbe();
        IServerRuntime created;
        try
        {
            created = await RuntimeFactory.CreateAsync(config.Runtime, _parse.GetValue(RunCommandDefinition.DockerHost), probe, _out, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            return UsageError.Write(_error, Verb, ex.Message);
        }

        await using var runtime = created;
        var plan = new RunPlan(benchmarks, config, CommandLine(), EnvironmentProbe.Describe());
        var runner = new Runner(runtime, LoadComponents.CreateGenerator(), new ConsoleRunObserver(_out), LoadComponents.CreateEstimator());
        RunResult? result = null;
        var saved = false;
        try
        {
            result = await runner.RunAsync(plan, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _error.WriteLineAsync($"cancelled: every trial measured so far is in {plan.RunJsonPath}").ConfigureAwait(false);
        }
        finally
        {
            saved = Saved(plan.RunJsonPath);
            if (saved)
            {
                await RunReports.WriteAsync(config.Output, _out, _error).ConfigureAwait(false);
            }
            else
            {
                await _error.WriteLineAsync($"error: {plan.RunJsonPath} does not hold the finished run (the warnings above name the error and where the run was saved instead); no report was written").ConfigureAwait(false);
            }
        }

        return result is null ? ExitCodes.Cancelled
            : !saved ? ExitCodes.Failed
            : result.Benchmarks.Any(b => b.Status == Status.Failed) ? ExitCodes.Failed
            : ExitCodes.Ok;
    }

    private RunConfig? ReadConfig(out List<string> problems)
    {
        problems = [];
        var concurrency = _parse.GetValue(RunCommandDefinition.Concurrency)!;
        var sizes = _parse.GetValue(RunCommandDefinition.Sizes)!;
        var duration = _parse.GetValue(RunCommandDefinition.Duration);
        var trials = _parse.GetValue(RunCommandDefinition.Trials);
        var warmup = new WarmupPolicy(
            _parse.GetValue(RunCommandDefinition.WarmupMin),
            _parse.GetValue(RunCommandDefinition.Warmup),
            WarmupPolicy.Default.WindowSeconds,
            _parse.GetValue(RunCommandDefinition.SteadyCv));
        var cellWarmup = _parse.GetValue(RunCommandDefinition.CellWarmup);
        var remeasure = _parse.GetValue(RunCommandDefinition.Remeasure);
        var reference = _parse.GetValue(RunCommandDefinition.Reference) ?? RunCommandDefinition.DefaultReference;
        var rate = _parse.GetValue(RunCommandDefinition.Rate);
        var mpr = _parse.GetValue(RunCommandDefinition.MessagesPerRequest);
        var ready = _parse.GetValue(RunCommandDefinition.ReadyTimeout);
        var runtime = _parse.GetValue(RunCommandDefinition.Runtime)!;

        // Each numeric option's own bounds are checked while parsing (NumberOptions); here only what joins two of them.
        if (concurrency.Length == 0 || sizes.Length == 0)
        {
            problems.Add("--concurrency and --sizes: each needs at least one value (e.g. --concurrency 10 --sizes 1024)");
        }

        if (warmup.Enabled && warmup.MaxSeconds < warmup.WindowSeconds)
        {
            problems.Add($"--warmup: {warmup.MaxSeconds.ToString(CultureInfo.InvariantCulture)} is not valid: expected 0 (no warm-up) or at least the steady-state window of {warmup.WindowSeconds} s (e.g. --warmup 30)");
        }

        if (warmup.Enabled && warmup.MinSeconds > warmup.MaxSeconds)
        {
            problems.Add($"--warmup-min: {warmup.MinSeconds.ToString(CultureInfo.InvariantCulture)} is not valid: expected at most --warmup ({warmup.MaxSeconds.ToString(CultureInfo.InvariantCulture)} s) (e.g. --warmup-min 4)");
        }

        IReadOnlyList<int> serverCpus = [];
        IReadOnlyList<int> clientCpus = [];
        try
        {
            serverCpus = CpuAffinity.Parse(_parse.GetValue(RunCommandDefinition.ServerCpus) ?? string.Empty);
            clientCpus = CpuAffinity.Parse(_parse.GetValue(RunCommandDefinition.ClientCpus) ?? string.Empty);
        }
        catch (FormatException ex)
        {
            problems.Add("--server-cpus/--client-cpus: " + ex.Message);
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var output = _parse.GetValue(RunCommandDefinition.Output)
            ?? Path.Combine(RepositoryPaths.Results(), DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        return new RunConfig(
            _parse.GetValue(RunCommandDefinition.Benchmarks)!,
            runtime,
            concurrency.Distinct().ToArray(),
            sizes.Distinct().ToArray(),
            duration,
            trials,
            _parse.GetValue(RunCommandDefinition.Seed) ?? Random.Shared.Next(1, int.MaxValue),
            reference == "none" ? null : reference,
            _parse.GetValue(RunCommandDefinition.Aa),
            warmup,
            cellWarmup,
            rate,
            _parse.GetValue(RunCommandDefinition.Sweep),
            serverCpus,
            clientCpus,
            mpr,
            ready,
            Path.GetFullPath(output))
        {
            RemeasureBlocks = remeasure,
            TlsVersion = _parse.GetValue(RunCommandDefinition.TlsVersion) == "1.2" ? TlsVersion.Tls12 : TlsVersion.Tls13,
        };
    }

    private const string Verb = "run";

    /// <summary>True when run.json on disk is the finished run (a failed last write leaves an older one, still "running", or none).</summary>
    private static bool Saved(string runJson)
    {
        try
        {
            return RunJson.Read(runJson).Status != RunStatus.Running;
        }
        catch (RunFileException)
        {
            return false;
        }
    }

    /// <summary>Null when the output folder holds no run, or held one and --force cleared vmbench's files of it; else the error.</summary>
    private string? ReplaceEarlierRun(string output)
    {
        if (!Directory.Exists(output) || !RunFolder.HoldsRun(output))
        {
            return null;
        }

        if (!_parse.GetValue(RunCommandDefinition.Force))
        {
            return $"--output {output} already holds a run (its run.json and reports): pass a new folder with --output (or none, for results/<stamp>), or add --force to replace that run (vmbench then deletes only the files it wrote there)";
        }

        try
        {
            var deleted = RunFolder.Clear(output, [CompareHtmlBuilder.FileName]).Count + MicroExports.Remove(output);
            _out.WriteLine($"--force: removed the {deleted} file(s) of the earlier run in {output}");
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"--force: cannot remove the earlier run's files in {output}: {ex.Message} (remove them yourself, or pass a new folder with --output)";
        }
    }

    private static string CommandLine() =>
        "vmbench " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
}
