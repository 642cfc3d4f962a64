namespace VmBench.Cli.Commands.Common;

/// <summary>The bounds of the numeric options several verbs share (run and load): stated once, in words.</summary>
public static class Quantities
{
    /// <summary>An hour: no single measurement, warm-up or wait of a run is longer.</summary>
    public const double MaxSeconds = 3600;

    public static readonly NumberRule<int> Connections = new("a whole number of connections", 1, true, 100_000, true, "10");

    public static readonly NumberRule<int> PayloadBytes = new("a whole number of bytes", 2, true, 64 * 1024 * 1024, true, "1024");

    public static readonly NumberRule<int> MessagesPerRequest = new("a whole number of messages", 1, true, 1000, true, "5");

    /// <summary>A measurement's length: more than 0.</summary>
    public static readonly NumberRule<double> MeasuredSeconds = new("a number of seconds", 0, false, MaxSeconds, true, "2");

    /// <summary>A warm-up's length: 0 for none.</summary>
    public static readonly NumberRule<double> WarmupSeconds = new("a number of seconds", 0, true, MaxSeconds, true, "1");

    public static readonly NumberRule<double> RequestsPerSecond = new("a number of requests/s", 0, false, 10_000_000, true, "20000");
}
