using VmBench.Core.Load;
using VmBench.Load.Tests.TestServers;

namespace VmBench.Load.Tests;

/// <summary>Connection set-up: open, and one verified request on every connection, before the clock starts, timed apart.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class SetUpTests
{
    private readonly LoadGenerator _load = new();

    [Fact]
    public async Task A_server_slow_to_accept_is_waited_for_before_the_measurement_not_inside_it()
    {
        // The kernel completes the connects at once; the server accepts them 0.8 s later. Measured from the first
        // connect, every first request would be 0.8 s old: a stall in a 1 s measurement.
        using var server = new TestServer(new EchoBehaviour(), acceptAfter: TimeSpan.FromSeconds(0.8));
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 64, concurrency: 8, seconds: 1), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.InRange(result.ConnectSeconds ?? 0, 0.7, 3);
        Assert.True(result.Latency.Max < 400, $"max latency {result.Latency.Max} ms: the wait for the server to accept was measured");
        Assert.Equal(0, result.Stalled);
    }

    [Fact]
    public async Task The_hook_runs_once_with_every_connection_set_up_and_before_any_load()
    {
        using var server = new TestServer(new EchoBehaviour());
        var calls = 0;
        var openAtHook = -1;
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 64, concurrency: 6, seconds: 0.5), null, _ =>
        {
            calls++;
            openAtHook = server.Open;
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(1, calls);
        Assert.Equal(6, openAtHook);
        Assert.True(result.ConnectSeconds > 0, "no set-up time");
    }

    [Fact]
    public async Task Many_connections_are_set_up_in_batches_and_all_verified()
    {
        using var server = new TestServer(new EchoBehaviour());
        var result = await _load.RunAsync(Specs.Echo(server.Address, size: 64, concurrency: 600, seconds: 0.5), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(600, server.Accepted);
        Assert.True(result.Requests > 600, $"{result.Requests} requests over 600 connections");
    }
}
