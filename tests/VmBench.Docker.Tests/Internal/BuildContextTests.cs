using System.Formats.Tar;
using VmBench.Runtimes.Docker.Internal;

namespace VmBench.Docker.Tests.Internal;

/// <summary>What a server folder's links become in its image's context (no engine needed).</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class BuildContextTests : IDisposable
{
    private readonly string _servers = Path.Combine(Path.GetTempPath(), "vmbench-context-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_link_into_a_sibling_server_is_packed_as_its_file_and_hashed_by_its_content()
    {
        var shared = Write("a/shared.py", "print('shared')\n");
        var folder = Path.GetDirectoryName(Write("b/server.py", "import shared\n"))!;
        File.CreateSymbolicLink(Path.Combine(folder, "shared.py"), "../a/shared.py");
        File.CreateSymbolicLink(Path.Combine(folder, "hostname"), "/etc/hostname");

        var entries = await EntriesAsync(Context(folder));
        var before = await Context(folder).HashAsync("base", CancellationToken.None);
        await File.WriteAllTextAsync(shared, "print('changed')\n");

        Assert.Equal(TarEntryType.RegularFile, entries["shared.py"].Type);
        Assert.Equal("print('shared')\n", entries["shared.py"].Text);
        Assert.Equal(TarEntryType.SymbolicLink, entries["hostname"].Type);
        Assert.NotEqual(before, await Context(folder).HashAsync("base", CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_servers, recursive: true);

    private BuildContext Context(string folder)
    {
        var context = new BuildContext("Dockerfile", new Dictionary<string, string>());
        context.AddDirectory(folder, string.Empty, new HashSet<string>(), linksWithin: _servers);
        return context;
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_servers, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<Dictionary<string, (TarEntryType Type, string? Text)>> EntriesAsync(BuildContext context)
    {
        using var tar = new MemoryStream();
        await context.WriteTarAsync(tar, CancellationToken.None);
        tar.Position = 0;
        var entries = new Dictionary<string, (TarEntryType, string?)>();
        using var reader = new TarReader(tar);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            entries[entry.Name] = (entry.EntryType, entry.DataStream is null ? null : await new StreamReader(entry.DataStream).ReadToEndAsync());
        }

        return entries;
    }
}
