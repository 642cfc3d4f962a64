using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using VmBench.Core.Results.Internal;

namespace VmBench.Core.Results;

/// <summary>Reads and writes run.json. Writes go to a temporary file that is renamed over the target, so a reader never sees half a file.</summary>
public static class RunJson
{
    public const string FileName = "run.json";

    /// <summary>The largest run.json read: far above any real run (a long run with histogram logs is a few MiB), and a bound on what a wrong path can cost.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

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

    /// <summary>Writes <paramref name="run"/> to <paramref name="path"/> atomically (temp file + rename), with the <c>$schema</c> <see cref="RunSchema"/> gives its folder.</summary>
    /// <exception cref="IOException">The file could not be written (a full disk, no permission ...): the message names the path and the error; no temp file is left behind and the previous run.json is untouched.</exception>
    public static void Write(string path, RunResult run) =>
        AtomicFile.WriteAllText(path, Serialize(run with { Schema = RunSchema.ReferenceFrom(Path.GetDirectoryName(Path.GetFullPath(path))!) }));

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

        if (FileKind.NotRegular(file) is { } kind)
        {
            throw new RunFileException($"{file}: is {kind}, not a regular file (pass a run folder such as results/20260101-120000 or its run.json)");
        }

        return Parse(ReadBounded(file), file);
    }

    /// <summary>The file's text, refused beyond <see cref="MaxBytes"/> (also a file that grows while it is read).</summary>
    private static string ReadBounded(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > MaxBytes)
            {
                throw TooLarge(file);
            }

            using var bytes = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                bytes.Write(buffer, 0, read);
                if (bytes.Length > MaxBytes)
                {
                    throw TooLarge(file);
                }
            }

            return Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length).TrimStart('\uFEFF');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RunFileException($"{file}: cannot be read: {ex.Message}", ex);
        }
    }

    private static RunFileException TooLarge(string file) =>
        new($"{file}: larger than {MaxBytes / (1024 * 1024)} MiB, which no run.json is (pass a run folder such as results/20260101-120000 or its run.json)");

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
