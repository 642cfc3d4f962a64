using System.Text.Json.Serialization;

namespace VmBench.Core.Results;

/// <summary>Everything a run produced: the content of run.json, from which every report is made.</summary>
public sealed record RunResult(
    int SchemaVersion,
    string Tool,
    DateTimeOffset Date,
    RunStatus Status,
    string CommandLine,
    string Runtime,
    IReadOnlyDictionary<string, string> RuntimeInfo,
    RunEnvironment Environment,
    RunConfig Config,
    IReadOnlyList<BenchmarkResult> Benchmarks)
{
    public const int CurrentSchemaVersion = 2;
    public const string ToolName = "vmbench";

    /// <summary>The schema of this file (results/run.schema.json), as <see cref="RunSchema"/> says where run.json is written.</summary>
    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-1)]
    public string Schema { get; init; } = RunSchema.Id;
}
