namespace VmBench.Load.Internal;

/// <summary>One loop's requests still unanswered when it stopped: how many are in the latency figures, how many stalled (<see cref="StallRule"/>), and the oldest.</summary>
internal sealed class OutstandingRequests
{
    /// <summary>Those recorded in the latency histograms (older than every answered request).</summary>
    public long Recorded { get; private set; }

    public long Stalled { get; private set; }

    /// <summary>The oldest one's age (Stopwatch ticks; 0 when none), connection and request number.</summary>
    public long OldestAge { get; private set; }

    public int OldestConnection { get; private set; }

    public long OldestRequest { get; private set; }

    public void Add(int connection, long request, long age, bool recorded)
    {
        if (recorded)
        {
            Recorded++;
        }

        if (StallRule.IsStalled(age))
        {
            Stalled++;
        }

        if (age > OldestAge)
        {
            OldestAge = age;
            OldestConnection = connection;
            OldestRequest = request;
        }
    }
}
