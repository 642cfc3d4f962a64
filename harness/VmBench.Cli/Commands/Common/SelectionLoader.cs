using VmBench.Core.Catalog;
using VmBench.Core.Model;

namespace VmBench.Cli.Commands.Common;

/// <summary>Discovers the servers, reports broken manifests, and applies --benchmarks: the first step of run, build and list.</summary>
public static class SelectionLoader
{
    /// <summary>Returns the selected benchmarks, or null after printing why nothing can be selected.</summary>
    public static IReadOnlyList<Benchmark>? Load(string serversDirectory, IEnumerable<string> patterns, TextWriter errors) =>
        Load(serversDirectory, patterns, errors, out _);

    /// <summary>As <see cref="Load(string, IEnumerable{string}, TextWriter)"/>, and gives every discovered benchmark in <paramref name="all"/>.</summary>
    public static IReadOnlyList<Benchmark>? Load(string serversDirectory, IEnumerable<string> patterns, TextWriter errors, out IReadOnlyList<Benchmark> all)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var catalog = ServerCatalog.Discover(serversDirectory);
        all = catalog.Benchmarks;
        foreach (var error in catalog.Errors)
        {
            errors.WriteLine($"warning: {error} (this server is left out)");
        }

        if (catalog.Servers.Count == 0)
        {
            errors.WriteLine($"error: no valid server manifest under {serversDirectory} (expected servers/<id>/server.json; see servers/README.md)");
            return null;
        }

        var selection = BenchmarkSelector.Select(catalog.Benchmarks, patterns);
        foreach (var error in selection.Errors)
        {
            errors.WriteLine("error: " + error);
        }

        return selection.Errors.Count > 0 || selection.Benchmarks.Count == 0 ? null : selection.Benchmarks;
    }
}
