using VmBench.Core.Results;

namespace VmBench.Reporting.Tables;

/// <summary>A server's manifest environment and runtime versions as the servers tables print them.</summary>
internal static class ServerEnvironmentText
{
    /// <summary><c>KEY=value</c> pairs in key order.</summary>
    public static IReadOnlyList<string> Of(BenchmarkResult benchmark) =>
        benchmark.ServerEnvironment is not { Count: > 0 } environment
            ? []
            : environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}").ToArray();

    /// <summary>"go: go1.22.2", "libuv: unknown (exit 1: ...)", in manifest order, from the first of the server's benchmarks that read them (one that never started has none).</summary>
    public static IReadOnlyList<string> Versions(IEnumerable<BenchmarkResult> benchmarksOfOneServer) =>
        benchmarksOfOneServer.FirstOrDefault(b => b.Versions is { Count: > 0 })?.Versions!.Select(v => $"{v.Name}: {v.Text}").ToArray() ?? [];
}
