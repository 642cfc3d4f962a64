using System.Diagnostics;
using VmBench.Core.Catalog;

namespace VmBench.Core.Tests.Catalog;

/// <summary>Nested unknown fields, every problem at once, plain-text fields, files inside the folder, and manifests that are not regular files.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class ManifestValidationTests
{
    private const string CommandServer = """
        {
          "id": "x", "title": "t", "loop": "l", "language": "c", "modes": ["echo"], "addresses": ["tcp"],
          "build": { "kind": "command", "dockerfile": "Dockerfile" },
          "run": RUN
        }
        """;

    [Theory]
    [InlineData("""{ "comand": ["srv"] }""", "run.comand", "did you mean \"command\"?")]
    [InlineData("""{ "command": ["srv"], "evn": {} }""", "run.evn", "did you mean \"env\"?")]
    [InlineData("""{ "command": ["srv"], "colour": 1 }""", "run.colour", "unknown field (known: command, env)")]
    public void An_unknown_field_inside_run_is_named_with_the_field_it_is_closest_to(string run, string field, string message)
    {
        var errors = ErrorsOf(CommandServer.Replace("RUN", run, StringComparison.Ordinal));

        Assert.Contains(errors, e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_fields_inside_build_and_requires_are_named()
    {
        var errors = ErrorsOf("""
            {
              "id": "x", "title": "t", "loop": "l", "language": "c", "modes": ["echo"], "addresses": ["tcp"],
              "build": { "kind": "command", "dockerfile": "Dockerfile", "dockerfle": "Other" },
              "run": { "command": ["srv"] },
              "requires": [ { "command": ["true"], "instal": "apt-get install x", "install": "apt-get install x" } ]
            }
            """);

        Assert.Contains(errors, e => e.Field == "build.dockerfle" && e.Message.Contains("did you mean \"dockerfile\"?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "requires[0].instal" && e.Message.Contains("did you mean \"install\"?", StringComparison.Ordinal));
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void A_bad_build_kind_does_not_hide_the_other_problems_of_build()
    {
        var errors = ErrorsOf("""
            {
              "id": "x", "title": "t", "loop": "l", "language": "c", "modes": ["echo"], "addresses": ["tcp"],
              "build": { "kind": "make", "command": "go build", "dockerfile": "Missing" },
              "run": { "command": ["srv", 3, ""] }
            }
            """);

        Assert.Contains(errors, e => e.Field == "build.kind" && e.Message.StartsWith("unknown build kind \"make\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "build.command" && e.Message.StartsWith("must be a list of strings", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "build.dockerfile" && e.Message.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "run.command" && e.Message.EndsWith("not a number", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "run.command" && e.Message.EndsWith("not an empty string", StringComparison.Ordinal));
        Assert.Equal(5, errors.Count);
    }

    [Theory]
    [InlineData("title", "\"Fast \\u001b[2Jserver\"", "l", "\"d\"", "\"1\"", "U+001B at character 6")]
    [InlineData("description", "\"t\"", "l", "\"line one\\nline two\"", "\"1\"", "U+000A at character 9")]
    [InlineData("loop", "\"t\"", "epoll\\u009b31m", "\"d\"", "\"1\"", "U+009B at character 6")]
    [InlineData("run.env.A", "\"t\"", "l", "\"d\"", "\"1\\r\\n\"", "U+000D at character 2")]
    public void Control_characters_in_a_text_field_are_rejected(string field, string title, string loop, string description, string env, string where)
    {
        var error = Assert.Single(ErrorsOf($$"""
            {
              "id": "x", "title": {{title}}, "loop": "{{loop}}", "description": {{description}}, "language": "c",
              "modes": ["echo"], "addresses": ["tcp"],
              "build": { "kind": "command", "dockerfile": "Dockerfile" }, "run": { "command": ["srv"], "env": { "A": {{env}} } }
            }
            """));

        Assert.Equal(field, error.Field);
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
        Assert.Contains("control character", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../y/Dockerfile")]
    [InlineData("/etc/passwd")]
    public void Build_dockerfile_may_not_point_outside_the_server_folder(string dockerfile)
    {
        using var servers = new TempServers();
        File.WriteAllText(Path.Combine(servers.Add("y", "{}"), "Dockerfile"), "FROM scratch");
        servers.Add("x", CommandServer.Replace("\"Dockerfile\"", $"\"{dockerfile}\"", StringComparison.Ordinal).Replace("RUN", """{ "command": ["srv"] }""", StringComparison.Ordinal));

        var error = Assert.Single(ServerCatalog.Discover(servers.Root).Errors, e => e.File.Contains(Path.Combine("x", "server.json"), StringComparison.Ordinal));

        Assert.Equal("build.dockerfile", error.Field);
        Assert.Contains("points outside the server's folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dockerfile_that_links_outside_the_server_folder_is_rejected()
    {
        using var servers = new TempServers();
        var outside = Path.Combine(Path.GetDirectoryName(servers.Root)!, "Dockerfile");
        File.WriteAllText(outside, "FROM scratch");
        var dir = servers.Add("x", CommandServer.Replace("RUN", """{ "command": ["srv"] }""", StringComparison.Ordinal));
        File.CreateSymbolicLink(Path.Combine(dir, "Dockerfile"), outside);

        var error = Assert.Single(ServerCatalog.Discover(servers.Root).Errors);

        Assert.Equal("build.dockerfile", error.Field);
        Assert.Contains("points outside the server's folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_that_is_a_fifo_or_links_to_dev_zero_is_that_server_error_and_the_others_load()
    {
        using var servers = new TempServers();
        servers.Add("alpha", TempServers.Valid("alpha"), "Test.csproj");
        var fifo = Path.Combine(servers.Root, "fifo", "server.json");
        Directory.CreateDirectory(Path.GetDirectoryName(fifo)!);
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var zero = Path.Combine(servers.Root, "zero", "server.json");
        Directory.CreateDirectory(Path.GetDirectoryName(zero)!);
        File.CreateSymbolicLink(zero, "/dev/zero");
        var large = servers.Add("large", TempServers.Valid("large") + new string(' ', 1024 * 1024), "Test.csproj");

        // Discovery on a thread of its own: on a FIFO it used to block for ever in open(2).
        var catalog = await Task.Run(() => ServerCatalog.Discover(servers.Root)).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(["alpha"], catalog.Servers.Select(s => s.Id));
        Assert.Contains(catalog.Errors, e => e.File == Path.Combine("servers", "fifo", "server.json") && e.Message.StartsWith("is a FIFO, not a regular file", StringComparison.Ordinal));
        Assert.Contains(catalog.Errors, e => e.File == Path.Combine("servers", "zero", "server.json") && e.Message.StartsWith("is a character device, not a regular file", StringComparison.Ordinal));
        Assert.Contains(catalog.Errors, e => e.File == Path.Combine("servers", "large", "server.json") && e.Message.StartsWith("is larger than 1 MiB", StringComparison.Ordinal));
        Assert.Equal(3, catalog.Errors.Count);
        Assert.True(Directory.Exists(large));
    }

    private static IReadOnlyList<ManifestError> ErrorsOf(string json)
    {
        using var servers = new TempServers();
        File.WriteAllText(Path.Combine(servers.Add("x", json), "Dockerfile"), "FROM scratch");
        var catalog = ServerCatalog.Discover(servers.Root);
        Assert.Empty(catalog.Servers);
        return catalog.Errors;
    }
}
