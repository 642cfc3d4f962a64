namespace VmBench.Cli.Tests;

[Trait(Tier.Key, Tier.Process)]
public sealed class ListCommandTests
{
    public static TheoryData<string> ServerIds()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(Repository.Root, "servers")).Where(d => File.Exists(Path.Combine(d, "server.json"))))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ServerIds))]
    public async Task Every_server_is_discovered_and_its_benchmarks_are_listed(string id)
    {
        var (exit, stdout, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "list");

        Assert.True(exit == 0, stderr);
        Assert.Contains($"  {id,-12} ", stdout, StringComparison.Ordinal);
        Assert.Matches($@"benchmarks: .*\b[a-z]+-{id}\b", stdout);
    }

    [Fact]
    public async Task List_shows_the_libuv_version_in_use()
    {
        var (_, stdout, _) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "list");

        Assert.Matches(@"libuv: (\d+\.\d+\.\d+|not installed \(apt-get install libuv1\))", stdout);
    }

    [Fact]
    public async Task A_broken_manifest_is_reported_and_the_others_still_listed()
    {
        var servers = Path.Combine(Path.GetTempPath(), "vmbench-list-" + Guid.NewGuid().ToString("N"), "servers");
        Directory.CreateDirectory(Path.Combine(servers, "foo"));
        await File.WriteAllTextAsync(Path.Combine(servers, "foo", "server.json"), """{"id": "foo", "modes": ["ech0"]}""");
        TreeCopy.Copy(Path.Combine(Repository.Root, "servers", "sockets"), Path.Combine(servers, "sockets"));
        try
        {
            var (exit, stdout, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "list", "--servers", servers);

            Assert.Equal(1, exit);
            Assert.Contains("tcpecho-sockets", stdout, StringComparison.Ordinal);
            Assert.Contains("servers/foo/server.json: \"modes\": unknown mode \"ech0\"", stderr, StringComparison.Ordinal);
            Assert.Contains("servers/foo/server.json: \"title\": is required", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(servers)!, recursive: true);
        }
    }
}
