namespace VmBench.Reporting.Charts;

/// <summary>The report sections charts belong to, in report order.</summary>
public static class ChartSections
{
    public const string Throughput = "Throughput";
    public const string Latency = "Latency percentile spectrum";
    public const string Concurrency = "Latency against concurrency";
    public const string Timeline = "Throughput over time";
    public const string Server = "Server CPU and memory";
    public const string Sweep = "Latency against offered load";
    public const string Micro = "Micro-benchmarks";

    public static IReadOnlyList<string> All { get; } = [Throughput, Latency, Concurrency, Timeline, Server, Sweep, Micro];
}
