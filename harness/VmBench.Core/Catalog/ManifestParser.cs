using System.Text.Json;
using System.Text.RegularExpressions;
using VmBench.Core.Model;

namespace VmBench.Core.Catalog;

/// <summary>Parses and validates one manifest, collecting every problem instead of stopping at the first.</summary>
public static partial class ManifestParser
{
    private static readonly string[] s_knownFields = ["id", "title", "loop", "language", "modes", "addresses", "build", "run", "requires", "versions", "$schema", "description"];

    public sealed record Result(ServerManifest? Manifest, IReadOnlyList<ManifestError> Errors);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    public static partial Regex IdPattern();

    public static Result Parse(string path, string display)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Result(null, [new ManifestError(display, string.Empty, $"cannot be read: {ex.Message}")]);
        }

        return Parse(text, path, display);
    }

    public static Result Parse(string json, string path, string display)
    {
        var errors = new List<ManifestError>();
        void Error(string field, string message) => errors.Add(new ManifestError(display, field, message));

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            Error(string.Empty, $"is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}): {FirstSentence(ex.Message)}");
            return new Result(null, errors);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error(string.Empty, $"must be a JSON object, not {Describe(root.ValueKind)}");
                return new Result(null, errors);
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!s_knownFields.Contains(property.Name))
                {
                    Error(property.Name, $"unknown field (known: {string.Join(", ", s_knownFields.Where(f => !f.StartsWith('$')))})");
                }
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var folderName = Path.GetFileName(directory);
            var id = RequiredString(root, "id", Error);
            if (id is not null)
            {
                if (!IdPattern().IsMatch(id))
                {
                    Error("id", $"\"{id}\" is not a valid id (lower-case letters, digits and '-', starting with a letter, at most 40)");
                }
                else if (id != folderName)
                {
                    Error("id", $"\"{id}\" must equal the folder name \"{folderName}\"");
                }
            }

            var title = RequiredString(root, "title", Error);
            var loop = RequiredString(root, "loop", Error);
            var language = RequiredString(root, "language", Error);
            var modes = EnumList<Mode>(root, "modes", "mode", Names.TryParse, ["echo", "readline", "http"], Error);
            var addresses = EnumList<AddressKind>(root, "addresses", "address kind", Names.TryParse, ["tcp", "unix"], Error);
            var build = ParseBuild(root, directory, Error);
            var run = ParseRun(root, build?.Kind, Error);
            var requires = ParseRequires(root, Error);
            var versions = ParseVersions(root, Error);

            if (errors.Count > 0 || id is null || title is null || loop is null || language is null || modes is null || addresses is null || build is null || run is null || requires is null || versions is null)
            {
                return new Result(null, errors);
            }

            return new Result(new ServerManifest(id, title, loop, language, modes, addresses, build, run, requires, directory, Path.GetFullPath(path)) { Versions = versions }, errors);
        }
    }

    private delegate bool TryParser<T>(string text, out T value);

    private static string? RequiredString(JsonElement parent, string field, Action<string, string> error, string? prefix = null)
    {
        var name = prefix is null ? field : $"{prefix}.{field}";
        if (!parent.TryGetProperty(field, out var value))
        {
            error(name, "is required");
            return null;
        }

        return StringValue(value, name, error);
    }

    private static string? StringValue(JsonElement value, string name, Action<string, string> error)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            error(name, $"must be a string, not {Describe(value.ValueKind)}");
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            error(name, "must not be empty");
            return null;
        }

        return text;
    }

    private static IReadOnlyList<T>? EnumList<T>(JsonElement root, string field, string what, TryParser<T> tryParse, string[] known, Action<string, string> error)
    {
        if (!root.TryGetProperty(field, out var value))
        {
            error(field, $"is required (a list of {string.Join(", ", known)})");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            error(field, $"must be a list of strings, not {Describe(value.ValueKind)}");
            return null;
        }

        var items = new List<T>();
        var ok = true;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                error(field, $"must hold strings, not {Describe(item.ValueKind)}");
                ok = false;
                continue;
            }

            var text = item.GetString()!;
            if (!tryParse(text, out var parsed))
            {
                error(field, $"unknown {what} \"{text}\" (known: {string.Join(", ", known)})");
                ok = false;
            }
            else if (items.Contains(parsed))
            {
                error(field, $"\"{text}\" is listed twice");
                ok = false;
            }
            else
            {
                items.Add(parsed);
            }
        }

        if (ok && items.Count == 0)
        {
            error(field, $"must list at least one of {string.Join(", ", known)}");
            ok = false;
        }

        return ok ? items : null;
    }

    private static IReadOnlyList<string>? Argv(JsonElement parent, string field, string name, Action<string, string> error)
    {
        if (!parent.TryGetProperty(field, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            error(name, $"must be a list of strings (an argv), not {Describe(value.ValueKind)}");
            return null;
        }

        var argv = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(item.GetString()))
            {
                error(name, $"must hold non-empty strings, not {Describe(item.ValueKind)}");
                return null;
            }

            argv.Add(item.GetString()!);
        }

        return argv;
    }

    private static ServerBuild? ParseBuild(JsonElement root, string directory, Action<string, string> error)
    {
        if (!root.TryGetProperty("build", out var build))
        {
            error("build", "is required (e.g. {\"kind\": \"dotnet\", \"project\": \"MyServer.csproj\"})");
            return null;
        }

        if (build.ValueKind != JsonValueKind.Object)
        {
            error("build", $"must be an object, not {Describe(build.ValueKind)}");
            return null;
        }

        var kindText = RequiredString(build, "kind", error, "build");
        if (kindText is null)
        {
            return null;
        }

        if (!Names.TryParse(kindText, out BuildKind kind))
        {
            error("build.kind", $"unknown build kind \"{kindText}\" (known: dotnet, command)");
            return null;
        }

        var command = Argv(build, "command", "build.command", error);
        string? project = null;
        string? dockerfile = null;
        if (kind == BuildKind.Dotnet)
        {
            project = RequiredString(build, "project", error, "build");
            if (project is not null && (!project.EndsWith(".csproj", StringComparison.Ordinal) || !File.Exists(Path.Combine(directory, project))))
            {
                error("build.project", $"\"{project}\" is not a .csproj in the server's folder");
                project = null;
            }
        }
        else
        {
            dockerfile = RequiredString(build, "dockerfile", error, "build");
            if (dockerfile is not null && !File.Exists(Path.Combine(directory, dockerfile)))
            {
                error("build.dockerfile", $"\"{dockerfile}\" does not exist in the server's folder");
                dockerfile = null;
            }
        }

        return command is null || (kind == BuildKind.Dotnet ? project is null : dockerfile is null)
            ? null
            : new ServerBuild(kind, project, command, dockerfile);
    }

    private static ServerRun? ParseRun(JsonElement root, BuildKind? kind, Action<string, string> error)
    {
        if (!root.TryGetProperty("run", out var run))
        {
            if (kind == BuildKind.Command)
            {
                error("run", "is required for build kind \"command\" (e.g. {\"command\": [\"/usr/bin/python3\", \"{dir}/server.py\"]})");
                return null;
            }

            return new ServerRun([], new Dictionary<string, string>());
        }

        if (run.ValueKind != JsonValueKind.Object)
        {
            error("run", $"must be an object, not {Describe(run.ValueKind)}");
            return null;
        }

        var command = Argv(run, "command", "run.command", error);
        if (command is not null && kind == BuildKind.Command && command.Count == 0)
        {
            error("run.command", "is required for build kind \"command\"");
            command = null;
        }
        else if (command is not null && kind == BuildKind.Dotnet && command.Count > 0)
        {
            error("run.command", "must be left out for build kind \"dotnet\" (the harness runs the built project)");
            command = null;
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var envOk = true;
        if (run.TryGetProperty("env", out var env))
        {
            if (env.ValueKind != JsonValueKind.Object)
            {
                error("run.env", $"must be an object of strings, not {Describe(env.ValueKind)}");
                envOk = false;
            }
            else
            {
                foreach (var variable in env.EnumerateObject())
                {
                    if (variable.Value.ValueKind != JsonValueKind.String)
                    {
                        error($"run.env.{variable.Name}", $"must be a string, not {Describe(variable.Value.ValueKind)}");
                        envOk = false;
                    }
                    else
                    {
                        environment[variable.Name] = variable.Value.GetString()!;
                    }
                }
            }
        }

        return command is null || !envOk ? null : new ServerRun(command, environment);
    }

    private static IReadOnlyList<Requirement>? ParseRequires(JsonElement root, Action<string, string> error) =>
        ObjectList(root, "requires", "{\"command\": [...], \"install\": \"...\"}", error, (item, name) =>
        {
            var command = Argv(item, "command", name + ".command", error);
            var install = RequiredString(item, "install", error, name);
            if (command is { Count: 0 })
            {
                error(name + ".command", "is required");
                command = null;
            }

            return command is null || install is null ? null : new Requirement(command, install);
        });

    private static IReadOnlyList<VersionCommand>? ParseVersions(JsonElement root, Action<string, string> error)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        return ObjectList(root, "versions", "{\"name\": \"...\", \"command\": [...]}", error, (item, name) =>
        {
            var ok = true;
            foreach (var property in item.EnumerateObject().Where(p => p.Name is not ("name" or "command")))
            {
                error($"{name}.{property.Name}", "unknown field (known: name, command)");
                ok = false;
            }

            var runtime = RequiredString(item, "name", error, name);
            IReadOnlyList<string>? command = null;
            if (!item.TryGetProperty("command", out _))
            {
                error(name + ".command", "is required (an argv that prints the version, e.g. [\"go\", \"version\"])");
            }
            else if (Argv(item, "command", name + ".command", error) is { } argv)
            {
                command = argv.Count > 0 ? argv : null;
                if (argv.Count == 0)
                {
                    error(name + ".command", "must not be empty");
                }
            }

            if (runtime is not null && !names.Add(runtime))
            {
                error(name + ".name", $"\"{runtime}\" is listed twice");
                runtime = null;
            }

            return ok && runtime is not null && command is not null ? new VersionCommand(runtime, command) : null;
        });
    }

    /// <summary>An optional list of objects (empty when absent), each parsed by <paramref name="parse"/> (null for one with errors, already reported).</summary>
    private static IReadOnlyList<T>? ObjectList<T>(JsonElement root, string field, string shape, Action<string, string> error, Func<JsonElement, string, T?> parse)
        where T : class
    {
        if (!root.TryGetProperty(field, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            error(field, $"must be a list of {shape}, not {Describe(value.ValueKind)}");
            return null;
        }

        var list = new List<T>();
        var index = 0;
        var ok = true;
        foreach (var item in value.EnumerateArray())
        {
            var name = $"{field}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                error(name, $"must be an object, not {Describe(item.ValueKind)}");
                ok = false;
                continue;
            }

            if (parse(item, name) is { } parsed)
            {
                list.Add(parsed);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? list : null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..(cut + 1)];
    }
}
