using VmBench.Cli.Commands.Common;
using VmBench.Core.Catalog;
using VmBench.Core.Model;
using VmBench.Runtimes.Native;

namespace VmBench.Cli.Commands.List;

/// <summary>`vmbench list`: servers, benchmarks, broken manifests (exit 1 when any), native library versions.</summary>
public sealed class ListCommand
{
    private readonly string _servers;
    private readonly string[] _patterns;
    private readonly TextWriter _out;
    private readonly TextWriter _error;

    public ListCommand(string servers, string[] patterns, TextWriter output, TextWriter error)
    {
        _servers = servers;
        _patterns = patterns;
        _out = output;
        _error = error;
    }

    public int Execute()
    {
        var catalog = ServerCatalog.Discover(_servers);
        var selection = BenchmarkSelector.Select(catalog.Benchmarks, _patterns);
        var selected = selection.Benchmarks.Select(b => b.Name).ToHashSet();
        _out.WriteLine($"servers ({catalog.Servers.Count} in {_servers}):");
        foreach (var server in catalog.Servers)
        {
            var benchmarks = Benchmark.AllOf([server]).Where(b => selected.Contains(b.Name)).Select(b => b.Name).ToArray();
            if (benchmarks.Length == 0)
            {
                continue;
            }

            _out.WriteLine($"  {server.Id,-12} {server.Title}");
            _out.WriteLine($"  {string.Empty,-12} loop {server.Loop}, {server.Language}, modes {string.Join('/', server.Modes.Select(Names.Of))}, {string.Join('/', server.Addresses.Select(Names.Of))}, build {Names.Of(server.Build.Kind)}");
            _out.WriteLine($"  {string.Empty,-12} benchmarks: {string.Join(", ", benchmarks)}");
        }

        _out.WriteLine("native libraries:");
        foreach (var (name, version) in NativeVersions.Detect())
        {
            _out.WriteLine($"  {name}: {version}");
        }

        foreach (var error in selection.Errors)
        {
            _error.WriteLine("error: " + error);
        }

        if (catalog.Errors.Count > 0)
        {
            _error.WriteLine($"broken manifests ({catalog.Errors.Count} problem(s); those servers are left out):");
            foreach (var error in catalog.Errors)
            {
                _error.WriteLine("  " + error);
            }
        }

        return catalog.Errors.Count > 0 || selection.Errors.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
