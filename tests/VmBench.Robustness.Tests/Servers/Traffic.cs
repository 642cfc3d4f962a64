using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using VmBench.Core.Model;

namespace VmBench.Robustness.Tests.Servers;

/// <summary>Well-behaved traffic: verified round trips, and the round-trip rate and latency of a few busy connections.</summary>
internal static class Traffic
{
    /// <summary>A message the server must answer with itself: random bytes (echo) or a random line (readline).</summary>
    public static byte[] Message(Mode mode, int size, int seed) => Wire.Payload(size, seed, line: mode == Mode.Readline);

    /// <summary>A fresh connection answers 1 B, 1 KB and 100 KB messages byte for byte.</summary>
    public static async Task AssertAnswersAsync(Address address, Mode mode, string what)
    {
        using var socket = await Wire.ConnectAsync(address);
        foreach (var size in new[] { 2, 1000, 100_000 })
        {
            var message = Message(mode, size, size);
            var send = Wire.SendAsync(socket, message);
            var answer = await Wire.ReadAsync(socket, message.Length);
            await send;
            Assert.True(message.AsSpan().SequenceEqual(answer), $"{what}: a {size}-byte message was not answered byte for byte ({answer.Length} bytes came back)");
        }
    }

    /// <summary>One verified round trip on an open connection.</summary>
    public static async Task RoundTripAsync(Socket socket, byte[] message, string what)
    {
        await Wire.SendAsync(socket, message);
        var answer = await Wire.ReadAsync(socket, message.Length);
        Assert.True(message.AsSpan().SequenceEqual(answer), $"{what}: a {message.Length}-byte message was not answered byte for byte ({answer.Length} bytes came back)");
    }

    /// <summary>Busy connections doing verified round trips until <paramref name="until"/> completes (or <paramref name="duration"/> passes).</summary>
    public static async Task<Busy> RunBusyAsync(Address address, Mode mode, int connections, TimeSpan duration, Task? until = null)
    {
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < connections; i++)
            {
                sockets.Add(await Wire.ConnectAsync(address));
            }

            var latencies = new ConcurrentQueue<double>();
            var clock = Stopwatch.StartNew();
            var stop = until ?? Task.Delay(duration);
            var loops = sockets.Select(async (socket, i) =>
            {
                var message = Message(mode, 64, 1000 + i);
                var count = 0L;
                while (!stop.IsCompleted)
                {
                    var start = Stopwatch.GetTimestamp();
                    await RoundTripAsync(socket, message, "a busy connection");
                    latencies.Enqueue(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    count++;
                }

                return count;
            }).ToArray();
            var counts = await Task.WhenAll(loops);
            return new Busy(counts.Sum(), clock.Elapsed, [.. latencies.Order()]);
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }

    /// <summary>What the busy connections achieved: round trips, over how long, each latency (ms, sorted).</summary>
    public sealed record Busy(long RoundTrips, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs)
    {
        public double RoundTripsPerSecond => RoundTrips / Elapsed.TotalSeconds;

        public double Percentile(double p) => LatenciesMs.Count == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Count - 1, (int)(p * LatenciesMs.Count))];

        public double MaxMs => LatenciesMs.Count == 0 ? double.NaN : LatenciesMs[^1];
    }
}
