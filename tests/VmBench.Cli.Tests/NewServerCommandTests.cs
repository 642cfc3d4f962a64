using VmBench.Cli.Commands.NewServer;
using VmBench.Core.Results;

namespace VmBench.Cli.Tests;

/// <summary>The README's "Adding a server" steps, followed in a temporary copy of servers/.</summary>
[Trait(Tier.Key, Tier.Process)]
public sealed class NewServerCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vmbench-new-server-" + Guid.NewGuid().ToString("N"));

    public NewServerCommandTests()
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            Directory.CreateDirectory(_root);
            File.Copy(Path.Combine(Repository.Root, file), Path.Combine(_root, file));
        }

        TreeCopy.Copy(Path.Combine(Repository.Root, "servers", "Hosting"), Path.Combine(Servers, "Hosting"));
        TreeCopy.Copy(Path.Combine(Repository.Root, "servers", "sockets"), Path.Combine(Servers, "sockets"));
    }

    private string Servers => Path.Combine(_root, "servers");

    [Theory]
    [InlineData("dotnet", "my-loop")]
    [InlineData("command", "my-script")]
    public async Task A_scaffolded_server_is_listed_and_benchmarked_with_no_other_edit(string template, string id)
    {
        var (created, stdout, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "new-server", id, "--template", template, "--servers", Servers);
        Assert.True(created == 0, stdout + stderr);
        Assert.True(File.Exists(Path.Combine(Servers, id, "server.json")));

        var (listed, list, listErrors) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "list", "--servers", Servers);
        Assert.True(listed == 0, listErrors);
        Assert.Contains($"tcpecho-{id}, unixecho-{id}, readline-{id}, connect-{id}", list, StringComparison.Ordinal);

        var output = Path.Combine(_root, "results");
        var (ran, runOut, runErr) = await Vmbench.RunAsync(
            TimeSpan.FromMinutes(5),
            "run", "--servers", Servers, "--benchmarks", $"-{id}$", "--runtime", "local", "--duration", "1", "--warmup", "0", "--trials", "1",
            "--sizes", "1024", "--concurrency", "4", "--server-cpus", "", "--client-cpus", "", "--output", output);
        Assert.True(ran == 0, runOut + runErr);
        var run = RunJson.Read(output);
        Assert.Equal([$"tcpecho-{id}", $"unixecho-{id}", $"readline-{id}", $"connect-{id}"], run.Benchmarks.Select(b => b.Name));
        Assert.All(run.Benchmarks, b => Assert.True(b.Status == Status.Ok && b.Variations.Single().Runs.Single().RequestsPerSecond > 0, $"{b.Name}: {b.Status} {b.Reason}"));
    }

    [Theory]
    [InlineData("dotnet")]
    [InlineData("command")]
    public void A_scaffolded_manifest_names_the_schema_and_matches_it(string template)
    {
        Assert.Equal(0, new NewServerCommand(Servers, TextWriter.Null, TextWriter.Null).Execute("my-" + template, template));
        var text = File.ReadAllText(Path.Combine(Servers, "my-" + template, "server.json"));

        Assert.Contains("\"$schema\": \"../server.schema.json\"", text, StringComparison.Ordinal);
        Assert.Empty(SchemaFile.Server.Errors(text));
    }

    [Fact]
    public async Task The_printed_next_steps_are_the_readmes_adding_a_server_steps_word_for_word()
    {
        var (created, stdout, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "new-server", "my-loop", "--servers", Servers);
        Assert.True(created == 0, stdout + stderr);

        var lines = stdout.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("server 'my-loop' created. Next steps", StringComparison.Ordinal));
        Assert.True(header >= 0, stdout);
        var steps = string.Join('\n', lines[(header + 1)..]);
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).ReplaceLineEndings("\n");
        var section = readme[readme.IndexOf("## Adding a server", StringComparison.Ordinal)..];
        Assert.Contains("```text\n" + steps + "\n```", section, StringComparison.Ordinal);
        Assert.Contains("--filter DisplayName~my-loop", steps, StringComparison.Ordinal); // the contract of the new server, not of every server
        Assert.DoesNotMatch(@"(?m)^\s+vmbench ", steps); // vmbench is not on PATH: the steps say how to run it
    }

    [Fact]
    public async Task An_existing_or_invalid_id_is_refused_and_nothing_is_written()
    {
        var (exists, _, existsErr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "new-server", "sockets", "--servers", Servers);
        var (invalid, _, invalidErr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "new-server", "My_Server", "--servers", Servers);
        var (template, _, templateErr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "new-server", "fine", "--template", "rust", "--servers", Servers);

        Assert.Equal(2, exists);
        Assert.Contains("already exists", existsErr, StringComparison.Ordinal);
        Assert.Equal(2, invalid);
        Assert.Contains("'My_Server' is not a valid server id", invalidErr, StringComparison.Ordinal);
        Assert.Equal(2, template);
        Assert.Contains("unknown template 'rust'", templateErr, StringComparison.Ordinal);
        Assert.Equal(["Hosting", "sockets"], Directory.EnumerateDirectories(Servers).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("Program.cs", Directory.EnumerateFiles(Path.Combine(Servers, "sockets")).Where(f => File.GetLastWriteTimeUtc(f) > DateTime.UtcNow.AddMinutes(-1)).Select(Path.GetFileName));
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }
}
