using VmBench.Core.Catalog;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;

namespace VmBench.Core.Tests.Catalog;

[Trait(Tier.Key, Tier.Fast)]
public sealed class ServerCatalogTests
{
    [Fact]
    public void Discovers_valid_servers_and_their_benchmarks()
    {
        using var servers = new TempServers();
        servers.Add("alpha", TempServers.Valid("alpha"), "Test.csproj");
        servers.Add("beta", TempServers.Valid("beta", "\"echo\", \"http\"", "\"tcp\""), "Test.csproj");
        Directory.CreateDirectory(Path.Combine(servers.Root, "Hosting")); // no manifest: not a server

        var catalog = ServerCatalog.Discover(servers.Root);

        Assert.Empty(catalog.Errors);
        Assert.Equal(["alpha", "beta"], catalog.Servers.Select(s => s.Id));
        Assert.Equal(["tcpecho-alpha", "unixecho-alpha", "readline-alpha", "connect-alpha", "tcpecho-beta", "http-beta", "connect-beta"], catalog.Benchmarks.Select(b => b.Name));
        var alpha = catalog.Servers[0];
        Assert.Equal(BuildKind.Dotnet, alpha.Build.Kind);
        Assert.Equal("Test", alpha.Build.AssemblyName);
        Assert.Equal(Path.Combine(servers.Root, "alpha"), alpha.Directory);
    }

    [Fact]
    public void Every_tcp_echo_server_has_a_connect_benchmark_and_no_other_server_does()
    {
        using var servers = new TempServers();
        servers.Add("both", TempServers.Valid("both"), "Test.csproj");
        servers.Add("unix-only", TempServers.Valid("unix-only", "\"echo\"", "\"unix\""), "Test.csproj");
        servers.Add("web-only", TempServers.Valid("web-only", "\"http\"", "\"tcp\""), "Test.csproj");
        servers.Add("lines", TempServers.Valid("lines", "\"readline\"", "\"tcp\""), "Test.csproj");

        var catalog = ServerCatalog.Discover(servers.Root);

        Assert.Empty(catalog.Errors);
        var connect = Assert.Single(catalog.Benchmarks, b => b.Name.StartsWith("connect-", StringComparison.Ordinal));
        Assert.Equal("connect-both", connect.Name);
        Assert.Equal(Protocol.Connect, connect.Protocol);
        Assert.Equal((Mode.Echo, AddressKind.Tcp, LoadPattern.Churn), (connect.Protocol.Mode, connect.Protocol.Address, connect.Protocol.Pattern));
        Assert.Equal(Protocol.Connect, Protocol.FromPrefix("connect"));
    }

    [Fact]
    public void A_server_declaring_tls_gets_tlsecho_and_tlshandshake_and_no_other_server_does()
    {
        using var servers = new TempServers();
        servers.Add("secure", TempServers.Valid("secure", "\"echo\", \"readline\", \"http\"", "\"tcp\", \"tls\""), "Test.csproj");
        servers.Add("plain", TempServers.Valid("plain"), "Test.csproj");
        servers.Add("lines", TempServers.Valid("lines", "\"readline\"", "\"tls\""), "Test.csproj");

        var catalog = ServerCatalog.Discover(servers.Root);

        Assert.Empty(catalog.Errors);
        Assert.Equal(["tlsecho-secure", "tlshandshake-secure"], catalog.Benchmarks.Where(b => b.Protocol.IsTls).Select(b => b.Name));
        Assert.Equal([AddressKind.Tcp, AddressKind.Tls], catalog.Servers.Single(s => s.Id == "secure").Addresses);
        var handshake = catalog.Benchmarks.Single(b => b.Name == "tlshandshake-secure").Protocol;
        Assert.Equal((Mode.Echo, AddressKind.Tls, LoadPattern.Churn, (int?)Protocol.ConnectMessageSize), (handshake.Mode, handshake.Address, handshake.Pattern, handshake.FixedSize));
        Assert.Equal((Mode.Echo, AddressKind.Tls, LoadPattern.Stream, (int?)null), (Protocol.TlsEcho.Mode, Protocol.TlsEcho.Address, Protocol.TlsEcho.Pattern, Protocol.TlsEcho.FixedSize));
        Assert.Equal(Protocol.TcpEcho, Protocol.TlsEcho.PlaintextTwin);
        Assert.Equal(Protocol.Connect, Protocol.TlsHandshake.PlaintextTwin);
        Assert.Null(Protocol.TcpEcho.PlaintextTwin);
        Assert.Equal(Protocol.TlsHandshake, Protocol.FromPrefix("tlshandshake"));
    }

    [Fact]
    public void A_broken_manifest_is_reported_and_never_hides_the_others()
    {
        using var servers = new TempServers();
        servers.Add("alpha", TempServers.Valid("alpha"), "Test.csproj");
        servers.Add("broken", "{ \"id\": \"broken\", ");
        servers.Add("gamma", TempServers.Valid("gamma"), "Test.csproj");

        var catalog = ServerCatalog.Discover(servers.Root);

        Assert.Equal(["alpha", "gamma"], catalog.Servers.Select(s => s.Id));
        var error = Assert.Single(catalog.Errors);
        Assert.Equal(Path.Combine("servers", "broken", "server.json"), error.File);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_returns_every_problem_at_once_each_naming_file_and_field()
    {
        using var servers = new TempServers();
        servers.Add("foo", """
            {
              "id": "Foo_Bar",
              "title": 42,
              "language": "",
              "modes": ["ech0", "echo", "echo"],
              "addresses": "tcp",
              "build": { "kind": "make" },
              "colour": "blue"
            }
            """);

        var catalog = ServerCatalog.Discover(servers.Root);

        Assert.Empty(catalog.Servers);
        var messages = catalog.Errors.Select(e => e.ToString()).ToArray();
        var file = Path.Combine("servers", "foo", "server.json");
        Assert.Contains($"{file}: \"modes\": unknown mode \"ech0\" (known: echo, readline, http)", messages);
        Assert.Contains($"{file}: \"modes\": \"echo\" is listed twice", messages);
        Assert.Contains(messages, m => m.StartsWith($"{file}: \"id\": \"Foo_Bar\" is not a valid id", StringComparison.Ordinal));
        Assert.Contains($"{file}: \"title\": must be a string, not a number", messages);
        Assert.Contains($"{file}: \"loop\": is required", messages);
        Assert.Contains($"{file}: \"language\": must not be empty", messages);
        Assert.Contains($"{file}: \"addresses\": must be a list of strings, not a string", messages);
        Assert.Contains($"{file}: \"build.kind\": unknown build kind \"make\" (known: dotnet, command)", messages);
        Assert.Contains(messages, m => m.StartsWith($"{file}: \"colour\": unknown field", StringComparison.Ordinal));
        Assert.Contains($"{file}: \"id\": \"Foo_Bar\" must equal the folder name \"foo\"", messages);
        Assert.Equal(10, messages.Length);
    }

    [Theory]
    [InlineData("""{"id":"x","title":"t","loop":"l","language":"c","modes":[],"addresses":["tcp"],"build":{"kind":"dotnet","project":"Test.csproj"}}""", "modes", "must list at least one")]
    [InlineData("""{"id":"x","title":"t","loop":"l","language":"c","modes":["echo"],"addresses":["udp"],"build":{"kind":"dotnet","project":"Test.csproj"}}""", "addresses", "unknown address kind \"udp\" (known: tcp, unix, tls)")]
    [InlineData("""{"id":"x","title":"t","loop":"l","language":"c","modes":["echo"],"addresses":["tcp"],"build":{"kind":"dotnet","project":"Missing.csproj"}}""", "build.project", "is not a .csproj in the server's folder")]
    [InlineData("""{"id":"x","title":"t","loop":"l","language":"c","modes":["echo"],"addresses":["tcp"],"build":{"kind":"command","dockerfile":"Dockerfile"},"run":{"command":["srv"]}}""", "build.dockerfile", "does not exist")]
    [InlineData("""{"id":"x","title":"t","loop":"l","language":"c","modes":["echo"],"addresses":["tcp"],"build":{"kind":"command","dockerfile":"Test.csproj"}}""", "run", "is required for build kind \"command\"")]
    [InlineData("""{"id":"x","title":"t","loop":"l","language":"c","modes":["echo"],"addresses":["tcp"],"build":{"kind":"dotnet","project":"Test.csproj"},"run":{"command":["x"]}}""", "run.command", "must be left out")]
    [InlineData("""{"id":"x","title":"t","loop":"l","language":"c","modes":["echo"],"addresses":["tcp"],"build":{"kind":"dotnet","project":"Test.csproj"},"run":{"env":{"A":1}}}""", "run.env.A", "must be a string, not a number")]
    [InlineData("""{"id":"x","title":"t","loop":"l","language":"c","modes":["echo"],"addresses":["tcp"],"build":{"kind":"dotnet","project":"Test.csproj"},"requires":[{"command":["true"]}]}""", "requires[0].install", "is required")]
    [InlineData("""{"id":"y","title":"t","loop":"l","language":"c","modes":["echo"],"addresses":["tcp"],"build":{"kind":"dotnet","project":"Test.csproj"}}""", "id", "must equal the folder name \"x\"")]
    [InlineData("""{"id":"x","title":"t","loop":"l","language":"c","modes":["echo"],"addresses":["tcp"],"build":{"kind":"dotnet","project":"Test.csproj"},"versions":{"go":"go version"}}""", "versions", "must be a list of")]
    [InlineData("""{"id":"x","title":"t","loop":"l","language":"c","modes":["echo"],"addresses":["tcp"],"build":{"kind":"dotnet","project":"Test.csproj"},"versions":[{"command":["go","version"]}]}""", "versions[0].name", "is required")]
    [InlineData("""{"id":"x","title":"t","loop":"l","language":"c","modes":["echo"],"addresses":["tcp"],"build":{"kind":"dotnet","project":"Test.csproj"},"versions":[{"name":"go"}]}""", "versions[0].command", "is required")]
    [InlineData("""{"id":"x","title":"t","loop":"l","language":"c","modes":["echo"],"addresses":["tcp"],"build":{"kind":"dotnet","project":"Test.csproj"},"versions":[{"name":"go","command":[]}]}""", "versions[0].command", "must not be empty")]
    [InlineData("""{"id":"x","title":"t","loop":"l","language":"c","modes":["echo"],"addresses":["tcp"],"build":{"kind":"dotnet","project":"Test.csproj"},"versions":[{"name":"go","command":"go version"}]}""", "versions[0].command", "must be a list of strings")]
    [InlineData("""{"id":"x","title":"t","loop":"l","language":"c","modes":["echo"],"addresses":["tcp"],"build":{"kind":"dotnet","project":"Test.csproj"},"versions":[{"name":"go","command":["a"]},{"name":"go","command":["b"]}]}""", "versions[1].name", "\"go\" is listed twice")]
    [InlineData("""{"id":"x","title":"t","loop":"l","language":"c","modes":["echo"],"addresses":["tcp"],"build":{"kind":"dotnet","project":"Test.csproj"},"versions":[{"name":"go","command":["a"],"args":["b"]}]}""", "versions[0].args", "unknown field")]
    [InlineData("""[1, 2]""", "", "must be a JSON object, not a list")]
    public void Each_rule_names_its_field(string json, string field, string message)
    {
        using var servers = new TempServers();
        servers.Add("x", json, "Test.csproj");

        var catalog = ServerCatalog.Discover(servers.Root);

        Assert.Empty(catalog.Servers);
        Assert.Contains(catalog.Errors, e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Command_servers_carry_run_env_and_requirements()
    {
        using var servers = new TempServers();
        var dir = servers.Add("go", """
            {
              "id": "go", "title": "Go net", "loop": "go", "language": "go",
              "modes": ["echo"], "addresses": ["tcp", "unix"],
              "build": { "kind": "command", "command": ["go", "build", "-o", "{out}/goecho", "."], "dockerfile": "Dockerfile" },
              "run": { "command": ["{out}/goecho"], "env": { "GOMAXPROCS": "1" } },
              "requires": [ { "command": ["go", "version"], "install": "apt-get install golang-go" } ],
              "versions": [ { "name": "go", "command": ["{out}/goecho", "-version"] }, { "name": "libc", "command": ["ldd", "--version"] } ]
            }
            """);
        File.WriteAllText(Path.Combine(dir, "Dockerfile"), "FROM scratch");

        var server = Assert.Single(ServerCatalog.Discover(servers.Root).Servers);

        Assert.Equal(BuildKind.Command, server.Build.Kind);
        Assert.Equal("1", server.Run.Environment["GOMAXPROCS"]);
        Assert.Equal("apt-get install golang-go", Assert.Single(server.Requires).Install);
        Assert.Equal(["/o/goecho"], Placeholders.Expand(server.Run.Command, dir, "/o"));
        Assert.Equal(["go", "libc"], server.Versions.Select(v => v.Name));
        Assert.Equal(["/o/goecho", "-version"], Placeholders.Expand(server.Versions[0].Command, dir, "/o"));
    }

    [Fact]
    public void Cpus_declares_how_a_server_uses_its_cpus_and_run_env_takes_their_count()
    {
        using var servers = new TempServers();
        var dir = servers.Add("go", """
            {
              "id": "go", "title": "Go net", "loop": "go", "language": "go", "cpus": "all",
              "modes": ["echo"], "addresses": ["tcp"],
              "build": { "kind": "command", "dockerfile": "Dockerfile" },
              "run": { "command": ["{out}/goecho"], "env": { "GOMAXPROCS": "{cpus}", "LABEL": "cpus={cpus}, dir={dir}" } }
            }
            """);
        File.WriteAllText(Path.Combine(dir, "Dockerfile"), "FROM scratch");

        var server = Assert.Single(ServerCatalog.Discover(servers.Root).Servers);

        Assert.Equal(CpuUse.All, server.Cpus);
        Assert.Equal("{cpus}", server.Run.Environment["GOMAXPROCS"]);
        var three = server.Run.EnvironmentFor(3);
        Assert.Equal("3", three["GOMAXPROCS"]);
        Assert.Equal("cpus=3, dir={dir}", three["LABEL"]);
    }

    [Theory]
    [InlineData("\"many\"", "unknown CPU use \"many\" (known: one, all)")]
    [InlineData("2", "must be a string, not a number")]
    public void A_bad_cpus_is_named(string value, string message)
    {
        using var servers = new TempServers();
        servers.Add("x", $$"""
            { "id": "x", "title": "t", "loop": "l", "language": "c", "cpus": {{value}}, "modes": ["echo"], "addresses": ["tcp"],
              "build": { "kind": "dotnet", "project": "X.csproj" } }
            """);

        var catalog = ServerCatalog.Discover(servers.Root);

        Assert.Empty(catalog.Servers);
        Assert.Contains(catalog.Errors, e => e.Field == "cpus" && e.Message == message);
    }

    [Fact]
    public void A_server_without_cpus_uses_one_and_a_launch_gives_it_the_count_of_its_cpus()
    {
        using var servers = new TempServers();
        var dir = servers.Add("x", """
            { "id": "x", "title": "t", "loop": "l", "language": "c", "modes": ["echo"], "addresses": ["tcp"],
              "build": { "kind": "command", "dockerfile": "Dockerfile" }, "run": { "command": ["s"], "env": { "VMBENCH_WORKERS": "{cpus}" } } }
            """);
        File.WriteAllText(Path.Combine(dir, "Dockerfile"), "FROM scratch");
        var server = Assert.Single(ServerCatalog.Discover(servers.Root).Servers);
        var benchmark = new Benchmark(server, Protocol.TcpEcho);

        Assert.Equal(CpuUse.One, server.Cpus);
        Assert.Equal("2", new ServerLaunch(benchmark, Address.Parse("127.0.0.1:1"), [0, 1], TimeSpan.FromSeconds(1)).Environment["VMBENCH_WORKERS"]);
        Assert.Equal("1", new ServerLaunch(benchmark, Address.Parse("127.0.0.1:1"), [1], TimeSpan.FromSeconds(1)).Environment["VMBENCH_WORKERS"]);
        Assert.Equal(Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture), new ServerLaunch(benchmark, Address.Parse("127.0.0.1:1"), [], TimeSpan.FromSeconds(1)).Environment["VMBENCH_WORKERS"]);
    }

    [Fact]
    public void Every_server_in_the_repository_lists_the_versions_of_its_runtimes()
    {
        var catalog = ServerCatalog.Discover(VmBench.Testing.Repository.Servers);

        Assert.Empty(catalog.Errors);
        Assert.NotEmpty(catalog.Servers);
        Assert.All(catalog.Servers, s => Assert.True(s.Versions.Count > 0, $"{s.Id}: no \"versions\" in its server.json"));
        Assert.All(catalog.Servers.Where(s => s.Build.Kind == BuildKind.Dotnet), s => Assert.Contains(s.Versions, v => v.Name == ".NET"));
    }

    [Fact]
    public void A_missing_servers_folder_is_an_error_not_a_crash()
    {
        var catalog = ServerCatalog.Discover("/nonexistent/servers");

        Assert.Empty(catalog.Servers);
        Assert.Contains("does not exist", Assert.Single(catalog.Errors).Message, StringComparison.Ordinal);
    }
}
