using System.Net.Sockets;

namespace VmBench.Load.Internal;

/// <summary>One connection's state, touched only by its event loop's thread.</summary>
internal sealed unsafe class LoadConnection
{
    public LoadConnection(int index, Socket socket)
    {
        Index = index;
        Socket = socket;
        Fd = (int)socket.Handle;
    }

    /// <summary>The connection number across the whole job (for messages and the send schedule).</summary>
    public int Index { get; }

    public Socket Socket { get; }

    public int Fd { get; }

    /// <summary>Bytes of the current request sent and received.</summary>
    public int Sent;

    public int Received;

    /// <summary>Where the current request starts in the payload buffer; the next variant to use.</summary>
    public int Offset;

    public int Variant;

    /// <summary>Requests started on this connection (warm-up included); the current one's 1-based number.</summary>
    public long RequestNumber;

    /// <summary>Actual send time of the current request (Stopwatch ticks).</summary>
    public long SentAt;

    /// <summary>Constant rate: the request's place in the plan and its intended send time.</summary>
    public long PlanIndex;

    public long IntendedAt;

    /// <summary>Constant rate: idle until <see cref="IntendedAt"/>.</summary>
    public bool Waiting;

    public bool Dead;

    /// <summary>HTTP: response bytes gathered so far.</summary>
    public byte* Response;

    public int ResponseLength;

    /// <summary>TLS: the connection's SSL* (owned by an <see cref="Tls.SslHandle"/> that outlives the loop); 0 for plain TCP.</summary>
    public nint Ssl;
}
