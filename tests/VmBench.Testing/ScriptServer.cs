using VmBench.Core.Catalog;
using VmBench.Core.Model;

namespace VmBench.Testing;

/// <summary>A temporary servers/ folder holding one command server: a Python script, made for one test.</summary>
public sealed class ScriptServer : IDisposable
{
    /// <summary>Python: <c>serve(conn)</c> echoes one accepted connection (TCP_NODELAY) until the peer closes it; run it on a thread of its own.</summary>
    public const string Serve = """
        def serve(conn):
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            try:
                while True:
                    data = conn.recv(65536)
                    if not data:
                        break
                    conn.sendall(data)
            except OSError:
                pass
            finally:
                conn.close()

        """;

    /// <summary>A correct echo server (a thread per connection) that exits 0 on SIGTERM: the contract in a few lines.</summary>
    public const string Echo = """
        import os, signal, socket, sys, threading
        args = sys.argv[1:]
        if len(args) != 4 or args[0] != "--addr" or args[2:] != ["--mode", "echo"]:
            print("usage: server.py --addr HOST:PORT --mode echo", file=sys.stderr)
            sys.exit(2)
        addr = args[1]
        signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
        host, port = addr.rsplit(":", 1)
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, int(port)))
        listener.listen(2048)

        """ + Serve + """
        while True:
            conn, _ = listener.accept()
            threading.Thread(target=serve, args=(conn,), daemon=True).start()
        """;

    public ScriptServer(string id, string script, string environment = "{}")
    {
        Root = Path.Combine(Path.GetTempPath(), "vmbench-script-" + Guid.NewGuid().ToString("N"), "servers");
        Directory = Path.Combine(Root, id);
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "server.py"), script);
        File.WriteAllText(Path.Combine(Directory, "Dockerfile"), "FROM vmbench-base:bookworm\n");
        File.WriteAllText(Path.Combine(Directory, ServerCatalog.ManifestFileName), $$"""
            {
              "id": "{{id}}", "title": "A test script server", "loop": "threads", "language": "python",
              "modes": ["echo"], "addresses": ["tcp"],
              "build": { "kind": "command", "dockerfile": "Dockerfile" },
              "run": { "command": ["/usr/bin/python3", "{dir}/server.py"], "env": {{environment}} },
              "versions": [ { "name": "python", "command": ["/usr/bin/python3", "-c", "import sys; print(sys.version)"] } ]
            }
            """);
    }

    /// <summary>The servers folder (pass it to --servers).</summary>
    public string Root { get; }

    /// <summary>The server's own folder.</summary>
    public string Directory { get; }

    /// <summary>The server's tcpecho benchmark, from the harness's own catalog.</summary>
    public Benchmark Benchmark
    {
        get
        {
            var catalog = ServerCatalog.Discover(Root);
            Assert.Empty(catalog.Errors);
            return Assert.Single(catalog.Benchmarks, b => b.Protocol == Protocol.TcpEcho);
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
}
