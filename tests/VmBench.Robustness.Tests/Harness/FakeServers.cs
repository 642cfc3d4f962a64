using System.Text.Json;
using VmBench.Testing;

namespace VmBench.Robustness.Tests.Harness;

/// <summary>
/// A temporary servers/ folder of command-kind servers made for one test (pass <see cref="Directory"/>
/// to --servers). Every process they start carries <see cref="Marker"/> in its command line, so a
/// survivor can be found by scanning /proc after the run.
/// </summary>
internal sealed class FakeServers : IDisposable
{
    public const string Python = "/usr/bin/python3";

    /// <summary>
    /// A correct echo server (a thread per connection) that follows the contract: exit 0 on SIGTERM
    /// or SIGINT. With <c>--crash-after S</c> it prints a line and exits 3 S seconds after its first load
    /// connection (the one after the harness's readiness probe), wherever its cells fall in the trials. It
    /// touches <c>started</c> in its folder when it starts. With <c>--slow-stop S</c> it takes S seconds to exit after SIGTERM.
    /// With <c>--leak-kib N</c> it keeps N KiB for every connection it accepts, for good (a leak); with
    /// <c>--hold-kib N</c>, N KiB (written, so resident) for as long as each connection is open.
    /// </summary>
    private const string EchoPy = """
        import os, signal, socket, sys, threading, time
        args = sys.argv[1:]
        addr = args[args.index("--addr") + 1]
        crash = float(args[args.index("--crash-after") + 1]) if "--crash-after" in args else None
        slow = float(args[args.index("--slow-stop") + 1]) if "--slow-stop" in args else 0
        leak = int(args[args.index("--leak-kib") + 1]) if "--leak-kib" in args else 0
        hold = int(args[args.index("--hold-kib") + 1]) if "--hold-kib" in args else 0
        leaked = []
        def serve_holding(conn):
            kept = b"x" * (hold * 1024)
            serve(conn)
            return kept
        signal.signal(signal.SIGTERM, lambda *_: (time.sleep(slow), os._exit(0)))
        signal.signal(signal.SIGINT, lambda *_: os._exit(0))
        open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "started"), "w").close()
        host, port = addr.rsplit(":", 1)
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, int(port)))
        listener.listen(128)
        print("fake echo server listening on " + addr, flush=True)

        """ + ScriptServer.Serve + """
        def die():
            time.sleep(crash)
            print("fake echo server crashing on purpose after %.1f s" % crash, flush=True)
            os._exit(3)

        accepted = 0
        while True:
            conn, _ = listener.accept()
            accepted += 1
            if leak:
                leaked.append(b"x" * (leak * 1024))
            if crash is not None and accepted == 2:
                threading.Thread(target=die, daemon=True).start()
            threading.Thread(target=serve_holding if hold else serve, args=(conn,), daemon=True).start()
        """;

    private readonly List<string> _ids = [];

    public FakeServers()
    {
        Marker = "vmbench-robustness-" + Guid.NewGuid().ToString("N")[..12];
        Root = Path.Combine(Path.GetTempPath(), Marker);
        Directory = Path.Combine(Root, "servers");
        System.IO.Directory.CreateDirectory(Directory);
        Output = Path.Combine(Root, "results");
    }

    /// <summary>A unique string in every command line this folder's servers start (and in its paths).</summary>
    public string Marker { get; }

    public string Root { get; }

    /// <summary>The servers folder, for --servers.</summary>
    public string Directory { get; }

    /// <summary>A run folder inside <see cref="Root"/>, for --output.</summary>
    public string Output { get; }

    public string RunJson => Path.Combine(Output, "run.json");

    /// <summary>A well-behaved python echo server; extra arguments go before the harness's --addr/--mode.</summary>
    public string AddEcho(string id, params string[] extra)
    {
        var dir = Add(id, [Python, "{dir}/echo.py", Marker, .. extra]);
        File.WriteAllText(Path.Combine(dir, "echo.py"), EchoPy);
        return dir;
    }

    /// <summary>
    /// A python command, tagged with the marker, that ignores SIGTERM and sleeps for two minutes: the hostile
    /// child of the process tests (a shell word, for scripts).
    /// </summary>
    public string Stubborn => $"{Python} -c 'import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(120)' {Marker}-stubborn";

    /// <summary>A server whose script runs <paramref name="prelude"/>, then the well-behaved echo server (by exec, or with <paramref name="daemonize"/> by a double fork into its own session, the script exiting at once).</summary>
    public string AddEchoScript(string id, string prelude, bool daemonize = false, IReadOnlyList<string>? build = null)
    {
        var echo = $"{Python} \"$(dirname \"$0\")/echo.py\" \"$@\"";
        var dir = AddScript(id, prelude + (daemonize ? $"\n( setsid {echo} & )\nexit 0\n" : $"\nexec {echo}\n"), build);
        File.WriteAllText(Path.Combine(dir, "echo.py"), EchoPy);
        return dir;
    }

    /// <summary>A server started by <c>/bin/sh {dir}/server.sh MARKER</c> with this script.</summary>
    public string AddScript(string id, string script, IReadOnlyList<string>? build = null)
    {
        var dir = Add(id, ["/bin/sh", "{dir}/server.sh", Marker], build);
        File.WriteAllText(Path.Combine(dir, "server.sh"), script);
        return dir;
    }

    /// <summary>A command-kind server with this run.command (and optional build.command).</summary>
    public string Add(string id, IReadOnlyList<string> run, IReadOnlyList<string>? build = null)
    {
        var manifest = new Dictionary<string, object>
        {
            ["id"] = id,
            ["title"] = $"fake server {id} for the robustness tests",
            ["loop"] = "fake",
            ["language"] = "python",
            ["modes"] = new[] { "echo" },
            ["addresses"] = new[] { "tcp" },
            ["build"] = build is null
                ? new Dictionary<string, object> { ["kind"] = "command", ["dockerfile"] = "Dockerfile" }
                : new Dictionary<string, object> { ["kind"] = "command", ["dockerfile"] = "Dockerfile", ["command"] = build },
            ["run"] = new Dictionary<string, object> { ["command"] = run },
        };
        return AddRaw(id, JsonSerializer.Serialize(manifest));
    }

    /// <summary>A server folder with this exact server.json text (and a Dockerfile).</summary>
    public string AddRaw(string id, string manifestJson)
    {
        _ids.Add(id);
        var dir = Path.Combine(Directory, id);
        System.IO.Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "server.json"), manifestJson);
        File.WriteAllText(Path.Combine(dir, "Dockerfile"), "FROM debian:bookworm-slim\n");
        return dir;
    }

    /// <summary>The common arguments of a short local run of these servers.</summary>
    public string[] RunArgs(params string[] more) => RunArgsTo(Output, more);

    /// <summary>As <see cref="RunArgs"/>, writing to <paramref name="output"/>.</summary>
    public string[] RunArgsTo(string output, params string[] more) =>
    [
        // Not connect-*: one connection per request is not what these cases are about, and it would double every run.
        "run", "--servers", Directory, "--benchmarks", "(tcpecho|unixecho|readline|http)-.*", "--runtime", "local", "--server-cpus", "", "--client-cpus", "",
        "--output", output, "--concurrency", "2", "--trials", "1", "--reference", "none", .. more,
    ];

    public void Dispose()
    {
        ProcessScan.KillMarked(Marker); // what a failing test left behind
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);

            // The local runtime makes an (empty) build folder per server under artifacts/: remove ours.
            foreach (var id in _ids)
            {
                var output = Path.Combine(Repository.Artifacts, "servers", id);
                if (System.IO.Directory.Exists(output) && !System.IO.Directory.EnumerateFileSystemEntries(output).Any())
                {
                    System.IO.Directory.Delete(output);
                }
            }
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
