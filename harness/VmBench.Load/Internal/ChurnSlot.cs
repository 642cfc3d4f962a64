namespace VmBench.Load.Internal;

/// <summary>One of the churn loop's exchanges in flight: a connection of its own for one echo, then the next one in its place. Touched only by its loop's thread.</summary>
internal sealed class ChurnSlot
{
    public ChurnSlot(int index, int local)
    {
        Index = index;
        Local = local;
    }

    /// <summary>The slot number across the whole job (for messages).</summary>
    public int Index { get; }

    /// <summary>Its place in its loop (the epoll token, with <see cref="Generation"/>).</summary>
    public int Local { get; }

    /// <summary>The current exchange's socket, -1 between exchanges.</summary>
    public int Fd = -1;

    /// <summary>Bumped by every exchange, so an event for a closed socket is told from one for the next.</summary>
    public uint Generation;

    /// <summary>Exchanges started in this slot (warm-up included); the current one's 1-based number.</summary>
    public long Number;

    public int Sent;

    public int Received;

    /// <summary>Where the exchange's payload starts in the payload buffer; the next variant to use.</summary>
    public int Offset;

    public int Variant;

    /// <summary>Before socket(2) (Stopwatch ticks): the exchange's latency runs from here to its verified echo.</summary>
    public long StartedAt;

    /// <summary>A first byte went out: the connection was established.</summary>
    public bool Connected;

    /// <summary>An exchange is in flight (its socket open).</summary>
    public bool Active;

    /// <summary>The source address it was bound to (<see cref="SourceAddresses"/>).</summary>
    public int Source;

    /// <summary>Constant rate: the exchange's place in the plan and its intended start.</summary>
    public long PlanIndex;

    public long IntendedAt;

    /// <summary>Constant rate: idle until <see cref="IntendedAt"/>.</summary>
    public bool Waiting;

    /// <summary>TLS: the exchange's SSL* (a new one per exchange, freed at its close); 0 between exchanges and for plain TCP.</summary>
    public nint Ssl;

    /// <summary>TLS: the exchange's handshake is done and its certificate checked.</summary>
    public bool Handshaken;
}
