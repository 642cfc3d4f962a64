using System.Text.Json;
using Json.Schema;

namespace VmBench.Testing;

/// <summary>One of the repository's JSON Schemas, built once, and the errors it finds in a document (empty: valid).</summary>
public sealed class SchemaFile
{
    private readonly JsonDocument _document;
    private readonly JsonSchema _schema;

    private SchemaFile(string path)
    {
        _document = JsonDocument.Parse(File.ReadAllText(path));
        _schema = JsonSchema.Build(_document.RootElement, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    /// <summary>servers/server.schema.json: every servers/*/server.json.</summary>
    public static SchemaFile Server { get; } = new(Path.Combine(Repository.Servers, "server.schema.json"));

    /// <summary>results/run.schema.json: run.json.</summary>
    public static SchemaFile Run { get; } = new(Path.Combine(Repository.Root, "results", "run.schema.json"));

    /// <summary>The schema itself, for tests that read its properties.</summary>
    public JsonElement Root => _document.RootElement;

    /// <summary>"/build/kind: ..." for each error the schema finds in <paramref name="json"/> (comments and trailing commas allowed, as the catalog allows them).</summary>
    public IReadOnlyList<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var results = _schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var errors = new List<string>();
        Collect(results, errors);
        return results.IsValid || errors.Count > 0 ? errors : ["invalid (no error detail)"];
    }

    /// <summary>The errors of the failed nodes reached through failed nodes only: a failed <c>if</c> or one failed branch of a passing <c>anyOf</c> is not an error.</summary>
    private static void Collect(EvaluationResults node, List<string> errors)
    {
        if (node.IsValid)
        {
            return;
        }

        errors.AddRange((node.Errors ?? new Dictionary<string, string>()).Select(e => $"{node.InstanceLocation}: {e.Value} (at {node.EvaluationPath})"));
        foreach (var child in node.Details ?? [])
        {
            Collect(child, errors);
        }
    }
}
