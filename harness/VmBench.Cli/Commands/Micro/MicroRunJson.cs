using VmBench.Cli.Commands.Common;
using VmBench.Core.Results;

namespace VmBench.Cli.Commands.Micro;

/// <summary>
/// The run.json of a folder that holds only micro-benchmarks: no load benchmarks, status completed, the
/// environment probed as for a run, so the report (made from run.json) can be generated and shows micro/.
/// A run.json already there (a `vmbench run` into the same folder) is left alone.
/// </summary>
public static class MicroRunJson
{
    public const string Runtime = "in-process";

    /// <summary>Writes run.json unless one exists; true when it wrote one.</summary>
    public static bool WriteIfMissing(string runDirectory, string commandLine, IReadOnlyList<string> filters, bool dry)
    {
        var path = Path.Combine(runDirectory, RunJson.FileName);
        if (File.Exists(path))
        {
            return false;
        }

        RunJson.Write(path, Create(runDirectory, commandLine, filters, dry));
        return true;
    }

    public static RunResult Create(string runDirectory, string commandLine, IReadOnlyList<string> filters, bool dry)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var info = new Dictionary<string, string>
        {
            ["suite"] = "micro: BenchmarkDotNet, servers hosted in-process",
            ["job"] = dry ? "Dry (in-process toolchain, one invocation)" : "ShortRun (3 warm-up + 3 measured iterations, one process per case)",
            ["filter"] = filters.Count == 0 ? "*" : string.Join(' ', filters),
        };
        var config = new RunConfig(
            Benchmarks: [],
            Runtime: Runtime,
            Concurrency: [1],
            Sizes: [],
            DurationSeconds: 0,
            Trials: 1,
            Seed: 0,
            Reference: null,
            Aa: false,
            Warmup: new WarmupPolicy(0, 0, 0, 0),
            CellWarmupSeconds: 0,
            Rate: null,
            Sweep: false,
            ServerCpus: [],
            ClientCpus: [],
            MessagesPerRequest: 1,
            ReadyTimeoutSeconds: 0,
            Output: Path.GetFullPath(runDirectory));
        return new RunResult(
            RunResult.CurrentSchemaVersion,
            RunResult.ToolName,
            DateTimeOffset.UtcNow,
            RunStatus.Completed,
            commandLine,
            Runtime,
            info,
            EnvironmentProbe.Describe(),
            config,
            []);
    }
}
