using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using VmBench.Docker.Tests.Support;
using VmBench.Runtimes.Docker.Internal;
using Xunit.Abstractions;

namespace VmBench.Docker.Tests;

[Trait(Tier.Key, Tier.Docker)]
public sealed class StatsStreamWindowTests
{
    private readonly ITestOutputHelper _output;

    public StatsStreamWindowTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [DockerFact]
    public async Task A_window_measures_a_busy_container_at_one_core_and_costs_no_wall_time()
    {
        await using var runtime = await DockerTestRuntime.CreateAsync(_output);
        var created = await runtime.Client.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Image = "vmbench-base:bookworm",
                Cmd = ["sh", "-c", "while :; do :; done"],
                Labels = new Dictionary<string, string> { ["vmbench"] = "1", ["vmbench.run"] = runtime.RunId },
                HostConfig = new HostConfig { NetworkMode = "none" },
            },
            CancellationToken.None);
        try
        {
            await runtime.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), CancellationToken.None);
            await Task.Delay(500);
            var before = await OneShotAsync(runtime.Client, created.ID);
            long peak = 0;
            var opened = Stopwatch.StartNew();
            await using var window = new StatsStreamWindow(runtime.Client, created.ID, m => peak = Math.Max(peak, m), CancellationToken.None);
            var openCost = opened.Elapsed;
            await Task.Delay(TimeSpan.FromSeconds(3.2));
            var ending = Stopwatch.StartNew();
            var usage = await window.EndAsync(CancellationToken.None);
            var endCost = ending.Elapsed;
            var after = await OneShotAsync(runtime.Client, created.ID);

            // The reference: the engine's cumulative CPU over a span that contains the window (the loop never stops).
            var reference = (after.CPUStats.CPUUsage.TotalUsage - before.CPUStats.CPUUsage.TotalUsage) / 1e9 / (after.Read - before.Read).TotalSeconds;

            Assert.NotNull(usage);
            _output.WriteLine($"reference {reference:0.000} cores; window {usage.Cores:0.000} cores over {usage.Seconds:0.00} s; opened in {openCost.TotalMilliseconds:0} ms, ended in {endCost.TotalMilliseconds:0} ms; peak {usage.PeakMemoryBytes} B");
            Assert.InRange(usage.Seconds, 0.9, 3.3); // from the engine's first sample (it can take over a second) to its last
            Assert.InRange(reference, 0.1, 1.1);
            Assert.InRange(usage.Cores / reference, 0.6, 1.67); // the spans differ, and a busy machine shares the core unevenly
            Assert.True(endCost < TimeSpan.FromMilliseconds(500), $"ending the window took {endCost.TotalMilliseconds:0} ms");
            Assert.True(openCost < TimeSpan.FromMilliseconds(500), $"opening the window took {openCost.TotalMilliseconds:0} ms");
            Assert.True(usage.PeakMemoryBytes > 0 && peak > 0, "no memory from the samples");

            // On this machine the container's cgroup is readable too: its CPU over a second of the loop is about one core.
            var inspect = await runtime.Client.Containers.InspectContainerAsync(created.ID, CancellationToken.None);
            var cgroup = ContainerCgroup.Find(inspect.State.Pid, created.ID);
            Assert.NotNull(cgroup);
            var first = cgroup.Read()!.Value;
            var clock = Stopwatch.StartNew();
            await Task.Delay(1000);
            var second = cgroup.Read()!.Value;
            var cores = (second.CpuSeconds - first.CpuSeconds) / clock.Elapsed.TotalSeconds;
            _output.WriteLine($"cgroup: {cores:0.000} cores");
            Assert.InRange(cores / reference, 0.6, 1.67);
            Assert.True(second.Peak > 0, "no memory from the cgroup");
        }
        finally
        {
            await runtime.Client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
    }

    private static async Task<ContainerStatsResponse> OneShotAsync(DockerClient client, string id)
    {
        var last = new LastValue<ContainerStatsResponse>();
        await client.Containers.GetContainerStatsAsync(id, new ContainerStatsParameters { Stream = false }, last, CancellationToken.None);
        return last.Value!;
    }
}
