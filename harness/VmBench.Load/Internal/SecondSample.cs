using HdrHistogram;

namespace VmBench.Load.Internal;

/// <summary>One loop's share of one second of the timeline: from, to (Stopwatch ticks) and that second's latencies
/// (corrected at constant rate, where <paramref name="Uncorrected"/> holds the latencies from the actual send time).</summary>
/// <param name="Outstanding">The last second only: how many of its latencies are the ages of requests still unanswered at the end (<see cref="OutstandingRequests.Recorded"/>), not completions.</param>
internal sealed record SecondSample(long Start, long End, LongHistogram Histogram, LongHistogram? Uncorrected, long Outstanding = 0);
