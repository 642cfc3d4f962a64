using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmBench.Core.Results;

/// <summary>Reads and writes run.json. Writes go to a temporary file that is renamed over the target, so a reader never sees half a file.</summary>
public static class RunJson
{
    public const string FileName = "run.json";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string Serialize(RunResult run) => JsonSerializer.Serialize(run, Options);

    /// <summary>Writes <paramref name="run"/> to <paramref name="path"/> atomically (temp file + rename).</summary>
    public static void Write(string path, RunResult run)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temp, Serialize(run));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a run.json, or a run folder holding one, and checks it is a VmBench run this version understands.</summary>
    public static RunResult Read(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        if (!File.Exists(file))
        {
            throw new RunFileException(Directory.Exists(path)
                ? $"{path}: no {FileName} in this folder (pass a run folder such as results/20260101-120000 or its run.json)"
                : $"{path}: no such file (pass a run folder such as results/20260101-120000 or its run.json)");
        }

        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RunFileException($"{file}: cannot be read: {ex.Message}", ex);
        }

        return Parse(text, file);
    }

    public static RunResult Parse(string text, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new RunFileException($"{file}: not valid JSON at line {(ex.LineNumber ?? 0) + 1} (truncated or corrupt; re-run the benchmark, or restore the file)", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("tool", out var tool) || tool.ValueKind != JsonValueKind.String || tool.GetString() != RunResult.ToolName)
            {
                throw new RunFileException($"{file}: not a VmBench run.json (field \"tool\" is not \"{RunResult.ToolName}\")");
            }

            if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number))
            {
                throw new RunFileException($"{file}: field \"schemaVersion\" is missing or not a number");
            }

            if (number != RunResult.CurrentSchemaVersion)
            {
                throw new RunFileException($"{file}: schema version {number} is not supported (this vmbench reads version {RunResult.CurrentSchemaVersion}; use the vmbench that wrote it)");
            }

            try
            {
                return root.Deserialize<RunResult>(Options) ?? throw new RunFileException($"{file}: empty run");
            }
            catch (JsonException ex)
            {
                throw new RunFileException($"{file}: field \"{ex.Path}\" has the wrong shape ({FirstLine(ex.Message)})", ex);
            }
        }
    }

    private static string FirstLine(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
