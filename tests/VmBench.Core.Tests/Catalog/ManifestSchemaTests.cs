using System.Text.Json;
using VmBench.Core.Catalog;
using VmBench.Testing;

namespace VmBench.Core.Tests.Catalog;

/// <summary>servers/server.schema.json: every manifest in servers/ matches it, a broken one does not, and it knows the fields the catalog knows.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class ManifestSchemaTests
{
    public static TheoryData<string> Manifests() => new(Directory.EnumerateDirectories(Repository.Servers)
        .Where(d => File.Exists(Path.Combine(d, "server.json"))).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Every_manifest_in_servers_matches_the_schema_it_names(string id)
    {
        var path = Path.Combine(Repository.Servers, id, "server.json");
        var text = File.ReadAllText(path);

        Assert.Empty(SchemaFile.Server.Errors(text));
        Assert.Equal("../server.schema.json", JsonDocument.Parse(text).RootElement.GetProperty("$schema").GetString());
        Assert.Empty(ManifestParser.Parse(path, id).Errors); // and the catalog takes it, $schema and all
    }

    [Theory]
    [InlineData("\"id\": \"sockets\"", "\"id\": \"Sockets\"", "/id")]
    [InlineData("\"modes\": [", "\"modes\": [\"telnet\", ", "/modes/0")]
    [InlineData("\"build\": {", "\"biuld\": {}, \"build\": {", "/biuld")]
    [InlineData("\"kind\": \"dotnet\"", "\"kind\": \"make\"", "/build/kind")]
    [InlineData("\"project\": \"VmBench.Servers.Sockets.csproj\"", "\"project\": \"Sockets.fsproj\"", "/build/project")]
    [InlineData("\"env\": {", "\"command\": [\"srv\"], \"env\": {", "/run/command")]
    [InlineData("\"title\": \"", "\"title\": \"\\u001b[31m", "/title")]
    public void A_broken_manifest_is_rejected_by_the_schema_and_by_the_catalog_at_the_same_field(string find, string replace, string pointer)
    {
        var path = Path.Combine(Repository.Servers, "sockets", "server.json");
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        var broken = text.Replace(find, replace, StringComparison.Ordinal);

        var errors = SchemaFile.Server.Errors(broken);

        Assert.Contains(errors, e => e.StartsWith(pointer + ":", StringComparison.Ordinal));
        Assert.NotEmpty(ManifestParser.Parse(broken, path, "sockets/server.json").Errors);
    }

    [Theory]
    [InlineData("\"tls\"", true)]
    [InlineData("\"tcp\", \"tls\"", true)]
    [InlineData("\"ssl\"", false)]
    [InlineData("\"tls\", \"tls\"", false)]
    public void Tls_is_an_address_kind_for_the_schema_and_the_catalog_alike(string addresses, bool valid)
    {
        var path = Path.Combine(Repository.Servers, "sockets", "server.json");
        var text = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(path), "\"addresses\": \\[[^\\]]*\\]", $"\"addresses\": [{addresses}]");
        Assert.Contains($"[{addresses}]", text, StringComparison.Ordinal);

        Assert.Equal(valid, SchemaFile.Server.Errors(text).Count == 0);
        Assert.Equal(valid, ManifestParser.Parse(text, path, "sockets/server.json").Errors.Count == 0);
    }

    [Fact]
    public void A_command_server_without_run_is_rejected_by_the_schema()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Servers, "go", "server.json"));
        using var document = JsonDocument.Parse(text);
        var withoutRun = JsonSerializer.Serialize(document.RootElement.EnumerateObject().Where(p => p.Name != "run").ToDictionary(p => p.Name, p => p.Value));

        Assert.Empty(SchemaFile.Server.Errors(text));
        Assert.Contains(SchemaFile.Server.Errors(withoutRun), e => e.StartsWith(":", StringComparison.Ordinal) && e.Contains("run", StringComparison.Ordinal));
    }

    [Fact]
    public void The_schema_lists_exactly_the_fields_the_catalog_knows_in_every_object()
    {
        var properties = SchemaFile.Server.Root.GetProperty("properties");
        var objects = new Dictionary<string, JsonElement>
        {
            [""] = properties,
            ["build"] = properties.GetProperty("build").GetProperty("properties"),
            ["run"] = properties.GetProperty("run").GetProperty("properties"),
            ["requires[]"] = properties.GetProperty("requires").GetProperty("items").GetProperty("properties"),
            ["versions[]"] = properties.GetProperty("versions").GetProperty("items").GetProperty("properties"),
        };

        Assert.Equal(ManifestParser.Objects.Keys.Order(StringComparer.Ordinal), objects.Keys.Order(StringComparer.Ordinal));
        Assert.All(ManifestParser.Objects, known => Assert.Equal(
            known.Value.Names.Order(StringComparer.Ordinal),
            objects[known.Key].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
    }
}
