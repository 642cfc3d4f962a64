using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using Xunit.Abstractions;

namespace VmBench.Robustness.Tests.Servers;

/// <summary>
/// Hostile clients against every discovered server (a new server is covered by adding its folder).
/// Each case is bounded in time and followed by <see cref="Survival"/>'s checks: alive, still
/// answering byte for byte, memory back near its baseline, exit 0 on SIGTERM.
/// </summary>
[Collection(RobustnessCollection.Name)]
[Trait(Tier.Key, Tier.Robustness)]
public sealed class HostileClientTests(BuiltServers servers, ITestOutputHelper output)
{
    private const int MiB = 1024 * 1024;

    public static TheoryData<string> EchoBenchmarks => BuiltServers.Benchmarks(p => p.Mode == Mode.Echo);

    public static TheoryData<string> TcpEchoBenchmarks => BuiltServers.Benchmarks(p => p.Mode == Mode.Echo && p.Address == AddressKind.Tcp);

    public static TheoryData<string> TcpEchoAndReadlineBenchmarks => BuiltServers.Benchmarks(p => p.Address == AddressKind.Tcp && p.Mode is Mode.Echo or Mode.Readline);

    public static TheoryData<string> ReadlineBenchmarks => BuiltServers.Benchmarks(p => p.Mode == Mode.Readline);

    [Theory]
    [MemberData(nameof(EchoBenchmarks))]
    public Task Random_bytes_in_random_chunks_with_random_pauses_are_echoed_byte_for_byte(string benchmark) =>
        Survival.RunAsync(servers, benchmark, TimeSpan.FromSeconds(30), output.WriteLine, async (server, _) =>
        {
            var seed = Random.Shared.Next();
            var clients = Enumerable.Range(0, 4).Select(async c =>
            {
                var random = new Random(seed + c);
                var payload = new byte[(1 * MiB) + random.Next(1000)];
                random.NextBytes(payload);
                using var socket = await Wire.ConnectAsync(server.Address);
                var reader = Wire.ReadAsync(socket, payload.Length);
                for (var offset = 0; offset < payload.Length;)
                {
                    var chunk = Math.Min(random.Next(4) == 0 ? random.Next(1, 64 * 1024) : random.Next(1, 64), payload.Length - offset);
                    await Wire.SendAsync(socket, payload.AsMemory(offset, chunk));
                    offset += chunk;
                    if (random.Next(8) == 0)
                    {
                        await Task.Delay(random.Next(1, 25));
                    }
                }

                var echoed = await reader;
                Assert.True(payload.AsSpan().SequenceEqual(echoed), $"{benchmark}: client {c} (seed {seed}): {payload.Length} random bytes in random chunks came back as {echoed.Length} bytes, not byte for byte");
            });
            await Task.WhenAll(clients);
        });

    [Theory]
    [MemberData(nameof(EchoBenchmarks))]
    public Task Half_close_gets_what_was_sent_then_eof(string benchmark) =>
        Survival.RunAsync(servers, benchmark, TimeSpan.FromSeconds(30), output.WriteLine, async (server, _) =>
        {
            var clients = new[] { 0, 1, 4096, 2 * MiB }.Select(async size =>
            {
                var payload = Wire.Payload(size, size);
                using var socket = await Wire.ConnectAsync(server.Address);
                var reader = Wire.ReadToEndAsync(socket);
                await Wire.SendAsync(socket, payload);
                socket.Shutdown(SocketShutdown.Send);
                var echoed = await reader;
                Assert.True(payload.AsSpan().SequenceEqual(echoed), $"{benchmark}: after sending {size} bytes and shutting down the write side, {echoed.Length} bytes came back before EOF");
            });
            await Task.WhenAll(clients);
        });

    [Theory]
    [MemberData(nameof(EchoBenchmarks))]
    public Task A_reset_in_the_middle_of_a_large_echo_is_survived(string benchmark) =>
        Survival.RunAsync(servers, benchmark, TimeSpan.FromSeconds(45), output.WriteLine, async (server, _) =>
        {
            var big = Wire.Payload(16 * MiB, 16);
            var victims = Enumerable.Range(0, 10).Select(async i =>
            {
                var victim = await Wire.ConnectAsync(server.Address);
                var send = Wire.SendAsync(victim, big);
                if (i % 2 == 0)
                {
                    // Read part of the echo so the server is busy writing when the reset comes.
                    await Wire.ReadAsync(victim, 256 * 1024);
                }

                await Task.WhenAny(send, Task.Delay(300));
                victim.LingerState = new LingerOption(true, 0);
                victim.Close(); // RST with the echo half written
                try
                {
                    await send;
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
                {
                    // The send was cut short by our own reset.
                }
            });
            await Task.WhenAll(victims);
        });

    [Theory]
    [MemberData(nameof(TcpEchoBenchmarks))]
    public Task Five_thousand_idle_connections_leave_the_active_ones_their_throughput(string benchmark) =>
        Survival.RunAsync(servers, benchmark, TimeSpan.FromSeconds(90), output.WriteLine, async (server, mode) =>
        {
            var window = TimeSpan.FromSeconds(1);
            await Traffic.RunBusyAsync(server.Address, mode, 10, TimeSpan.FromSeconds(0.5)); // warm (JIT tiers) before the baseline
            var baseline = await BestOfAsync(2);
            var idle = new ConcurrentBag<Socket>();
            try
            {
                var clock = Stopwatch.StartNew();
                await Parallel.ForEachAsync(Enumerable.Range(0, 5000), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, ct) => idle.Add(await Wire.ConnectAsync(server.Address, ct)));
                var connectTime = clock.Elapsed;
                await Task.Delay(500); // past the accept burst: the steady state is what counts

                // The best of a few windows on each side, so one GC pause or scheduler hiccup on two cores does not decide.
                var loaded = await BestOfAsync(2);
                // This machine has slow spells of 10-40 s in which the kernel's cost per message doubles for every
                // process: a low figure is looked at again over the next 20 s before it counts. A server that really
                // slows down with idle connections stays below half in every window.
                for (var retry = 0; retry < 5 && loaded.RoundTripsPerSecond < baseline.RoundTripsPerSecond * 0.5; retry++)
                {
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    var again = await BestOfAsync(1);
                    loaded = again.RoundTripsPerSecond > loaded.RoundTripsPerSecond ? again : loaded;
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{benchmark}: 5000 idle connected in {connectTime.TotalSeconds:0.00} s; 10 active: {baseline.RoundTripsPerSecond:N0} round trips/s alone, {loaded.RoundTripsPerSecond:N0} with the idle ones ({loaded.RoundTripsPerSecond / baseline.RoundTripsPerSecond:P0})"));
                Assert.True(loaded.RoundTripsPerSecond >= baseline.RoundTripsPerSecond * 0.5, string.Create(CultureInfo.InvariantCulture, $"{benchmark}: with 5000 idle connections the 10 active ones made {loaded.RoundTripsPerSecond:N0} round trips/s, below half of {baseline.RoundTripsPerSecond:N0} without them"));

                // The idle connections were kept, not dropped: a sample of them still answers.
                foreach (var (socket, i) in idle.Take(25).Select((s, i) => (s, i)))
                {
                    await Traffic.RoundTripAsync(socket, Traffic.Message(mode, 32, i), $"{benchmark}: idle connection {i} after the measurement");
                }
            }
            finally
            {
                foreach (var socket in idle)
                {
                    socket.Dispose();
                }
            }

            async Task<Traffic.Busy> BestOfAsync(int windows)
            {
                Traffic.Busy? best = null;
                for (var i = 0; i < windows; i++)
                {
                    var busy = await Traffic.RunBusyAsync(server.Address, mode, 10, window);
                    best = best is null || busy.RoundTripsPerSecond > best.RoundTripsPerSecond ? busy : best;
                }

                return best!;
            }
        });

    [Theory]
    [MemberData(nameof(TcpEchoBenchmarks))]
    public async Task Memory_does_not_grow_with_every_burst_of_five_thousand_connections(string benchmark)
    {
        var server = await servers.StartAsync(benchmark);
        await using (server)
        {
            await Traffic.AssertAnswersAsync(server.Address, Mode.Echo, benchmark);
            var baseline = await Survival.RssAsync(server);
            var settled = await MemoryRounds.MeasureAsync(server, Mode.Echo, 5000, benchmark);
            output.WriteLine($"{benchmark}: bursts of 5000 connections. {MemoryRounds.Describe(baseline, settled)} (a leak grows by over {MemoryRounds.RoundGrowthBound / MiB} MiB in every round after the first)");
            var leak = MemoryRounds.Leak(baseline, settled);
            Assert.True(leak is null, $"{benchmark}: {leak}");
        }
    }

    [Theory]
    [MemberData(nameof(TcpEchoAndReadlineBenchmarks))]
    public Task Slow_loris_clients_trickling_a_byte_a_second_do_not_stall_the_others(string benchmark) =>
        Survival.RunAsync(servers, benchmark, TimeSpan.FromSeconds(45), output.WriteLine, async (server, mode) =>
        {
            const int Loris = 20;
            const int Bytes = 3;
            var lorises = new List<Socket>();
            try
            {
                for (var i = 0; i < Loris; i++)
                {
                    lorises.Add(await Wire.ConnectAsync(server.Address));
                }

                var trickle = Task.Run(async () =>
                {
                    for (var b = 0; b < Bytes; b++)
                    {
                        foreach (var loris in lorises)
                        {
                            await Wire.SendAsync(loris, new[] { (byte)('a' + b) });
                        }

                        await Task.Delay(TimeSpan.FromSeconds(1));
                    }
                });
                var busy = await Traffic.RunBusyAsync(server.Address, mode, 5, TimeSpan.Zero, trickle);
                await trickle;

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{benchmark}: while {Loris} clients trickled: {busy.RoundTrips:N0} round trips in {busy.Elapsed.TotalSeconds:0.0} s, p50 {busy.Percentile(0.5):0.###} ms, p99 {busy.Percentile(0.99):0.###} ms, max {busy.MaxMs:0.###} ms"));
                Assert.True(busy.RoundTrips >= 500, $"{benchmark}: only {busy.RoundTrips} round trips in {busy.Elapsed.TotalSeconds:0.0} s on 5 connections while slow clients trickled");
                Assert.True(busy.Percentile(0.99) < 100, string.Create(CultureInfo.InvariantCulture, $"{benchmark}: p99 round trip {busy.Percentile(0.99):0.#} ms while slow clients trickled (bound 100 ms)"));
                Assert.True(busy.MaxMs < 1000, string.Create(CultureInfo.InvariantCulture, $"{benchmark}: slowest round trip {busy.MaxMs:0} ms while slow clients trickled (bound 1 s)"));

                // The slow clients were served too: echo mode gave every byte back; readline answers the line once it ends.
                var expected = Enumerable.Range(0, Bytes).Select(b => (byte)('a' + b)).ToList();
                if (mode == Mode.Readline)
                {
                    expected.Add((byte)'\n');
                    foreach (var loris in lorises)
                    {
                        await Wire.SendAsync(loris, new[] { (byte)'\n' });
                    }
                }

                foreach (var loris in lorises)
                {
                    var answer = await Wire.ReadAsync(loris, expected.Count);
                    Assert.True(expected.SequenceEqual(answer), $"{benchmark}: a slow client got '{System.Text.Encoding.ASCII.GetString(answer)}' back");
                }
            }
            finally
            {
                lorises.ForEach(s => s.Dispose());
            }
        });

    [Theory]
    [MemberData(nameof(TcpEchoBenchmarks))]
    public Task Connect_disconnect_churn_of_20000_connections_is_survived(string benchmark) =>
        Survival.RunAsync(servers, benchmark, TimeSpan.FromSeconds(120), output.WriteLine, async (server, mode) =>
        {
            const int Total = 20_000;
            var clock = Stopwatch.StartNew();
            var failures = new ConcurrentQueue<string>();
            await Parallel.ForEachAsync(Enumerable.Range(0, Total), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (i, ct) =>
            {
                try
                {
                    await ChurnOnceAsync(server, mode, i);
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException or Xunit.Sdk.XunitException)
                {
                    failures.Enqueue($"connection {i} ({(Churn)(i % 4)}): {ex.GetType().Name}: {ex.Message}");
                }
            });

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{benchmark}: {Total:N0} connections churned in {clock.Elapsed.TotalSeconds:0.0} s ({Total / clock.Elapsed.TotalSeconds:N0}/s), {failures.Count} failed"));
            Assert.True(failures.IsEmpty, $"{benchmark}: {failures.Count} of {Total} churned connections failed; first: {string.Join("; ", failures.Take(3))}");
        });

    [Theory]
    [MemberData(nameof(ReadlineBenchmarks))]
    public Task An_endless_line_is_cut_off_with_memory_bounded(string benchmark) =>
        Survival.RunAsync(servers, benchmark, TimeSpan.FromSeconds(90), output.WriteLine, async (server, _) =>
        {
            var before = await server.ReadUsageAsync(CancellationToken.None);
            Assert.NotNull(before);
            var limit = Math.Max(before.PeakMemoryBytes, before.MemoryBytes + (64L * MiB));
            var chunk = new byte[MiB];
            Array.Fill(chunk, (byte)'x');
            var highest = before.MemoryBytes;
            var pushed = 0;
            var cut = false;
            using (var endless = await Wire.ConnectAsync(server.Address))
            {
                for (; pushed < 64 && !cut; pushed++)
                {
                    try
                    {
                        await Wire.SendAsync(endless, chunk).WaitAsync(TimeSpan.FromSeconds(5));
                    }
                    catch (SocketException)
                    {
                        cut = true;
                    }
                    catch (TimeoutException)
                    {
                        break; // the server stopped reading: did it close?
                    }

                    highest = Math.Max(highest, (await Survival.RssAsync(server)));
                }

                if (!cut)
                {
                    // Everything was accepted (or the server stopped reading): it must still close the connection.
                    using var eof = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    try
                    {
                        cut = await endless.ReceiveAsync(new byte[1], SocketFlags.None, eof.Token) == 0;
                    }
                    catch (SocketException)
                    {
                        cut = true;
                    }
                    catch (OperationCanceledException)
                    {
                        cut = false;
                    }
                }
            }

            var after = await server.ReadUsageAsync(CancellationToken.None);
            Assert.NotNull(after);
            output.WriteLine($"{benchmark}: cut off after {pushed} MiB: {cut}; RSS {before.MemoryBytes / MiB} MiB before, highest sample {highest / MiB} MiB, peak {after.PeakMemoryBytes / MiB} MiB");
            Assert.True(cut, $"{benchmark}: a line of {pushed} MiB without a newline was not cut off (the connection stayed open)");
            Assert.True(after.PeakMemoryBytes <= limit, $"{benchmark}: peak resident memory {after.PeakMemoryBytes / MiB} MiB while an endless line arrived (baseline {before.MemoryBytes / MiB} MiB; bound {limit / MiB} MiB): the line is buffered without a bound");
        });

    private static async Task ChurnOnceAsync(IRunningServer server, Mode mode, int i)
    {
        using var socket = await Wire.ConnectAsync(server.Address);
        switch ((Churn)(i % 4))
        {
            case Churn.Close:
                break;
            case Churn.RoundTripThenClose:
                await Traffic.RoundTripAsync(socket, Traffic.Message(mode, 16, i), "a churned connection");
                break;
            case Churn.SendThenReset:
                await Wire.SendAsync(socket, Traffic.Message(mode, 16, i));
                socket.LingerState = new LingerOption(true, 0);
                break;
            default:
                socket.LingerState = new LingerOption(true, 0);
                break;
        }
    }

    private enum Churn
    {
        Close,
        RoundTripThenClose,
        SendThenReset,
        Reset,
    }
}
