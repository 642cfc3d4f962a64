using System.Text.Json;
using System.Text.RegularExpressions;
using VmBench.Core.Model;

namespace VmBench.Core.Catalog;

/// <summary>Parses and validates one manifest, collecting every problem instead of stopping at the first.</summary>
public static partial class ManifestParser
{
    private static readonly KnownFields s_rootFields = new("id", "title", "loop", "language", "modes", "addresses", "build", "run", "requires", "versions", "$schema", "description");
    private static readonly KnownFields s_buildFields = new("kind", "project", "command", "dockerfile");
    private static readonly KnownFields s_runFields = new("command", "env");
    private static readonly KnownFields s_requirementFields = new("command", "install");
    private static readonly KnownFields s_versionFields = new("name", "command");

    /// <summary>The known fields of each object of a manifest, by its path ("" for the root, "requires[]" for each item): servers/server.schema.json lists the same.</summary>
    internal static IReadOnlyDictionary<string, KnownFields> Objects { get; } = new Dictionary<string, KnownFields>
    {
        [""] = s_rootFields,
        ["build"] = s_buildFields,
        ["run"] = s_runFields,
        ["requires[]"] = s_requirementFields,
        ["versions[]"] = s_versionFields,
    };

    public sealed record Result(ServerManifest? Manifest, IReadOnlyList<ManifestError> Errors);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    public static partial Regex IdPattern();

    public static Result Parse(string path, string display)
    {
        var text = ManifestFile.Read(path, out var problem);
        return text is null
            ? new Result(null, [new ManifestError(display, string.Empty, problem!)])
            : Parse(text, path, display);
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

            s_rootFields.Check(root, string.Empty, Error);

            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var folderName = Path.GetFileName(directory);
            var id = RequiredString(root, "id", Error);
            if (id is not null)
            {
                if (!IdPattern().IsMatch(id))
                {
                    Error("id", $"\"{id}\" is not a valid id (lower-case letters, digits and '-', starting with a letter, at most 40)");
                }

                if (id != folderName)
                {
                    Error("id", $"\"{id}\" must equal the folder name \"{folderName}\"");
                }
            }

            var title = RequiredString(root, "title", Error);
            var loop = RequiredString(root, "loop", Error);
            var language = RequiredString(root, "language", Error);
            if (root.TryGetProperty("description", out var description))
            {
                _ = StringValue(description, "description", Error);
            }

            var modes = EnumList<Mode>(root, "modes", "mode", Names.TryParse, ["echo", "readline", "http"], Error);
            var addresses = EnumList<AddressKind>(root, "addresses", "address kind", Names.TryParse, ["tcp", "unix", "tls"], Error);
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

        return PlainText(text, name, error);
    }

    /// <summary>
    /// The text, or null (reported) when it holds a control character: a newline or a terminal escape sequence in a
    /// manifest would forge lines of the console and of the reports that print it.
    /// </summary>
    private static string? PlainText(string text, string name, Action<string, string> error)
    {
        var at = text.AsSpan().IndexOfAnyInRange('\0', '\x1F');
        if (at < 0)
        {
            at = text.AsSpan().IndexOfAnyInRange('\x7F', '\x9F');
        }

        if (at < 0)
        {
            return text;
        }

        error(name, $"must be text on one line without control characters, but has U+{(int)text[at]:X4} at character {at + 1} (remove it; write a newline as a space)");
        return null;
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
        var ok = true;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(item.GetString()))
            {
                error(name, item.ValueKind == JsonValueKind.String ? "must hold non-empty strings, not an empty string" : $"must hold non-empty strings, not {Describe(item.ValueKind)}");
                ok = false;
                continue;
            }

            argv.Add(item.GetString()!);
        }

        return ok ? argv : null;
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

        s_buildFields.Check(build, "build", error);
        BuildKind? kind = null;
        var kindText = RequiredString(build, "kind", error, "build");
        if (kindText is not null)
        {
            if (Names.TryParse(kindText, out BuildKind parsed))
            {
                kind = parsed;
            }
            else
            {
                error("build.kind", $"unknown build kind \"{kindText}\" (known: dotnet, command)");
            }
        }

        // Every field present is checked even when the kind is wrong or missing: all problems in one go.
        var command = Argv(build, "command", "build.command", error);
        string? project = null;
        string? dockerfile = null;
        if (kind == BuildKind.Dotnet || (kind is null && build.TryGetProperty("project", out _)))
        {
            project = RequiredString(build, "project", error, "build");
            if (project is not null && !project.EndsWith(".csproj", StringComparison.Ordinal))
            {
                error("build.project", $"\"{project}\" is not a .csproj in the server's folder");
                project = null;
            }
            else if (project is not null && !InFolder(directory, project, "build.project", "is not a .csproj in the server's folder", error))
            {
                project = null;
            }
        }

        if (kind == BuildKind.Command || (kind is null && build.TryGetProperty("dockerfile", out _)))
        {
            dockerfile = RequiredString(build, "dockerfile", error, "build");
            if (dockerfile is not null && !InFolder(directory, dockerfile, "build.dockerfile", "does not exist in the server's folder", error))
            {
                dockerfile = null;
            }
        }

        return kind is not { } known || command is null || (known == BuildKind.Dotnet ? project is null : dockerfile is null)
            ? null
            : new ServerBuild(known, project, command, dockerfile);
    }

    /// <summary>
    /// True when <paramref name="relative"/> names a file inside the server's folder, also once its links are followed:
    /// an image is built from the folder alone, and a manifest must not reach other files on the machine.
    /// </summary>
    private static bool InFolder(string directory, string relative, string name, string missing, Action<string, string> error)
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(directory, relative));
        var target = full;
        try
        {
            target = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            // a link loop: the existence check below reports it
        }

        if (!full.StartsWith(folder, StringComparison.Ordinal) || !Path.GetFullPath(target).StartsWith(folder, StringComparison.Ordinal))
        {
            error(name, $"\"{relative}\" points outside the server's folder (name a file inside {directory})");
            return false;
        }

        if (!File.Exists(full))
        {
            error(name, $"\"{relative}\" {missing}");
            return false;
        }

        return true;
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

        s_runFields.Check(run, "run", error);
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
                    else if (PlainText(variable.Name, $"run.env.{variable.Name}", error) is null || PlainText(variable.Value.GetString()!, $"run.env.{variable.Name}", error) is null)
                    {
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
            s_requirementFields.Check(item, name, error);
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
            s_versionFields.Check(item, name, (field, message) =>
            {
                error(field, message);
                ok = false;
            });
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
