using VmBench.Core.Results;

namespace VmBench.Reporting.Tables;

/// <summary>A server's manifest environment as the servers tables print it: <c>KEY=value</c> pairs in key order.</summary>
internal static class ServerEnvironmentText
{
    public static IReadOnlyList<string> Of(BenchmarkResult benchmark) =>
        benchmark.ServerEnvironment is not { Count: > 0 } environment
            ? []
            : environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}").ToArray();
}
