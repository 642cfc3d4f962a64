using VmBench.Core.Model;
using VmBench.Core.Results;

namespace VmBench.Core.Running;

/// <summary>
/// Owns run.json: every fact the Runner learns (a build's verdict, a warm-up, one trial of one cell, a sweep
/// step, a failure) is recorded here and the whole file is rewritten atomically at once, so a crash or Ctrl-C
/// loses nothing already measured. Benchmarks appear in plan order, cells in variation order, trials in trial order.
/// A write that fails (a full disk) keeps everything in memory, warns once, and is retried at the next write and
/// at the end; if the last write fails too, the run is saved to a file in the temporary folder and both paths are named.
/// </summary>
public sealed class RunJournal
{
    private const string StillRunning = "not finished: the run was still measuring it when run.json was written (if vmbench is no longer running, it was killed or crashed); the trials listed were measured";

    private const string Interrupted = "not finished: the run was interrupted; the trials listed were measured";

    private readonly RunPlan _plan;
    private readonly CellSummarizer _summarizer;
    private readonly Dictionary<Benchmark, Entry> _entries;
    private readonly Action<string> _warn;
    private RunResult _run;

    /// <param name="warn">Told when run.json cannot be written (and when it can again): the path, the error and what happens to the figures.</param>
    public RunJournal(RunPlan plan, RunResult header, CellSummarizer summarizer, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plan = plan;
        _summarizer = summarizer;
        _warn = warn ?? (_ => { });
        _run = header;
        _entries = plan.Benchmarks.ToDictionary(b => b, b => new Entry(plan.VariationsOf(b).ToDictionary(v => v, _ => new CellEntry())));
        Write(RunStatus.Running);
    }

    public RunResult Current => _run;

    /// <summary>Null while run.json on disk holds everything recorded; else why the last write failed (path and error).</summary>
    public string? WriteError { get; private set; }

    /// <summary>True once <paramref name="benchmark"/> is skipped or failed: its remaining cells are not measured.</summary>
    public bool IsOut(Benchmark benchmark) => _entries[benchmark].Status is not null;

    /// <summary>True when the cell's benchmark is out or the cell itself failed.</summary>
    public bool IsOut(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return IsOut(cell.Benchmark) || _entries[cell.Benchmark].Cells[(cell.Size, cell.Concurrency)].Failure is not null;
    }

    /// <summary>Ends a benchmark early (skipped, or failed with the reason); what it measured stays.</summary>
    public void Conclude(Benchmark benchmark, Status status, string reason)
    {
        var entry = _entries[benchmark];
        if (entry.Status is null)
        {
            entry.Status = status;
            entry.Reason = reason;
            Write(RunStatus.Running);
        }
    }

    public void Warmed(Benchmark benchmark, WarmupResult warmup)
    {
        _entries[benchmark].Warmup = warmup;
        Write(RunStatus.Running);
    }

    public void Measured(Cell cell, TrialResult trial)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(trial);
        var state = _entries[cell.Benchmark].Cells[(cell.Size, cell.Concurrency)];
        state.Trials.Add(trial);
        if (trial.Result.Failure is { } failure)
        {
            state.Failure ??= $"trial {trial.Trial}: {failure}";
        }

        Write(RunStatus.Running);
    }

    /// <summary>
    /// Records <paramref name="trial"/> in place of the cell's earlier measurement of the same trial, which is kept
    /// as superseded with <paramref name="reason"/> and left out of every statistic.
    /// </summary>
    public void Remeasured(Cell cell, TrialResult trial, string reason)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(trial);
        var state = _entries[cell.Benchmark].Cells[(cell.Size, cell.Concurrency)];
        var index = state.Trials.FindIndex(t => t.Trial == trial.Trial);
        if (index < 0)
        {
            throw new InvalidOperationException($"{cell.Benchmark.Name} {cell.Label}: trial {trial.Trial} was never measured, so it cannot be measured again");
        }

        state.Superseded.Add(new SupersededTrial(state.Trials[index], reason));
        state.Trials[index] = trial;
        if (trial.Result.Failure is { } failure)
        {
            state.Failure ??= $"trial {trial.Trial} (measured again): {failure}";
        }

        Write(RunStatus.Running);
    }

    /// <summary>The versions of the runtimes the benchmark's server uses, read once it started.</summary>
    public void Versioned(Benchmark benchmark, IReadOnlyList<RuntimeVersion> versions)
    {
        _entries[benchmark].Versions = versions;
        Write(RunStatus.Running);
    }

    public void MemoryMeasured(Benchmark benchmark, ConnectionMemory memory)
    {
        _entries[benchmark].Memory.Add(memory);
        Write(RunStatus.Running);
    }

    public void Swept(Benchmark benchmark, SweepStep step)
    {
        _entries[benchmark].Sweep.Add(step);
        Write(RunStatus.Running);
    }

    /// <summary>The cell as run.json records it now (for the console).</summary>
    public VariationResult Cell(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return Variation(cell.Benchmark, (cell.Size, cell.Concurrency), _run.Status);
    }

    /// <summary>The cell's trials recorded so far (a live view, in the order they were measured).</summary>
    public IReadOnlyList<TrialResult> Trials(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return _entries[cell.Benchmark].Cells[(cell.Size, cell.Concurrency)].Trials;
    }

    /// <summary>Writes the final run.json: a completed run concludes every benchmark; a cancelled or crashed one marks the unfinished ones.</summary>
    public RunResult Finish(RunStatus status)
    {
        Write(status);
        if (WriteError is { } error)
        {
            var fallback = Path.Combine(Path.GetTempPath(), $"vmbench-run-{_run.Date.UtcDateTime:yyyyMMdd-HHmmss}-{Environment.ProcessId}.json");
            try
            {
                RunJson.Write(fallback, _run);
                _warn($"run.json could not be written at the end ({error}); the whole run was saved to {fallback} instead: move it to {_plan.RunJsonPath} once there is room, then run vmbench report");
            }
            catch (IOException ex)
            {
                _warn($"run.json could not be written at the end ({error}), nor a copy ({ex.Message}): the figures exist only in the summary printed below");
            }
        }

        return _run;
    }

    private void Write(RunStatus status)
    {
        var benchmarks = _plan.Benchmarks.Select(b => Describe(b, status)).ToArray();
        if (status == RunStatus.Completed && benchmarks.Any(b => b.Status == Status.Failed))
        {
            status = RunStatus.Failed;
        }

        _run = _run with { Status = status, Benchmarks = benchmarks };
        try
        {
            RunJson.Write(_plan.RunJsonPath, _run);
            if (WriteError is not null)
            {
                _warn($"{_plan.RunJsonPath} written again: it holds everything measured so far");
                WriteError = null;
            }
        }
        catch (IOException ex)
        {
            if (WriteError is null)
            {
                _warn($"{ex.Message}; everything measured is kept in memory and the write is retried after the next measurement and at the end");
            }

            WriteError = ex.Message;
        }
    }

    private BenchmarkResult Describe(Benchmark benchmark, RunStatus run)
    {
        var entry = _entries[benchmark];
        var variations = _plan.VariationsOf(benchmark).Where(v => entry.Cells[v].Trials.Count > 0).Select(v => Variation(benchmark, v, run)).ToArray();
        var failed = variations.FirstOrDefault(v => v.Status == Status.Failed);
        var (status, reason) = entry.Status is { } concluded ? (concluded, entry.Reason)
            : run is RunStatus.Completed or RunStatus.Failed ? (failed is null ? Status.Ok : Status.Failed, failed is null ? null : $"{failed.Label}: {failed.Reason}")
            : run is RunStatus.Running ? (Status.Running, StillRunning)
            : (Status.Cancelled, Interrupted);
        return new BenchmarkResult(
            benchmark.Name,
            benchmark.Server.Id,
            benchmark.Server.Title,
            benchmark.Server.Loop,
            benchmark.Server.Language,
            benchmark.Protocol.Prefix,
            benchmark.Role,
            status,
            reason,
            entry.Warmup,
            variations,
            entry.Sweep.ToArray(),
            benchmark.Server.Run.Environment.Count == 0 ? null : new SortedDictionary<string, string>(benchmark.Server.Run.EnvironmentFor(Placeholders.CpuCount(_plan.Config.ServerCpus)).ToDictionary(), StringComparer.Ordinal),
            entry.Versions,
            entry.Memory.Count == 0 ? null : entry.Memory.ToArray());
    }

    /// <summary>A cell is ok once measured in every trial, or once its benchmark or the run ended; before that it is running (cancelled when the run was).</summary>
    private VariationResult Variation(Benchmark benchmark, (int Size, int Concurrency) key, RunStatus run)
    {
        var entry = _entries[benchmark];
        var cell = entry.Cells[key];
        var reference = _plan.ReferenceFor(benchmark);
        var pairing = reference is null ? ((string, IReadOnlyList<TrialResult>)?)null : (reference.Name, _entries[reference].Cells[key].Trials);
        var summary = _summarizer.Summarize(cell.Trials, _plan.Config.Warmup.Enabled ? entry.Warmup : null, pairing);
        var status = cell.Failure is not null ? Status.Failed
            : cell.Trials.Count >= _plan.Config.Trials || entry.Status is not null || run is RunStatus.Completed or RunStatus.Failed ? Status.Ok
            : run is RunStatus.Running ? Status.Running
            : Status.Cancelled;
        return new VariationResult(key.Concurrency, key.Size, status, cell.Failure, cell.Trials.ToArray(), summary)
        {
            Superseded = cell.Superseded.ToArray(),
        };
    }

    private sealed class Entry(Dictionary<(int Size, int Concurrency), CellEntry> cells)
    {
        public Dictionary<(int Size, int Concurrency), CellEntry> Cells { get; } = cells;

        public Status? Status { get; set; }

        public string? Reason { get; set; }

        public WarmupResult? Warmup { get; set; }

        public IReadOnlyList<RuntimeVersion>? Versions { get; set; }

        public List<SweepStep> Sweep { get; } = [];

        public List<ConnectionMemory> Memory { get; } = [];
    }

    private sealed class CellEntry
    {
        public List<TrialResult> Trials { get; } = [];

        public List<SupersededTrial> Superseded { get; } = [];

        public string? Failure { get; set; }
    }
}
