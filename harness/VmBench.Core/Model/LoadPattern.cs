namespace VmBench.Core.Model;

/// <summary>How the load client uses its connections: the shape of the load a protocol's benchmarks measure.</summary>
public enum LoadPattern
{
    /// <summary>Each connection opens once, before the clock starts, and carries request after request.</summary>
    Stream,

    /// <summary>Each request is a connection of its own: connect, one verified echo, close (requests/s is connections/s).</summary>
    Churn,
}
