using System.Diagnostics;
using System.Globalization;
using Docker.DotNet.Models;
using VmBench.Docker.Tests.Support;
using Xunit.Abstractions;

namespace VmBench.Docker.Tests;

[Trait(Tier.Key, Tier.Docker)]
public sealed class LeftoverTests
{
    private readonly ITestOutputHelper _output;

    public LeftoverTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [DockerFact]
    public async Task Containers_of_a_crashed_run_are_removed_at_the_next_start()
    {
        // A process that has ended stands for the crashed vmbench.
        using var gone = Process.Start("true")!;
        await gone.WaitForExitAsync();
        var deadPid = gone.Id.ToString(CultureInfo.InvariantCulture);

        string[] ids;
        await using (var first = await DockerTestRuntime.CreateAsync(_output))
        {
            var labels = new Dictionary<string, string>
            {
                ["vmbench"] = "1",
                ["vmbench.run"] = "crashed-run",
                ["vmbench.pid"] = deadPid,
                ["vmbench.host"] = Environment.MachineName,
            };
            Assert.True((await first.BuildAsync(DockerTestRuntime.Server("sockets"), CancellationToken.None)).Usable);
            ids = new string[2];
            for (var i = 0; i < ids.Length; i++)
            {
                var created = await first.Client.Containers.CreateContainerAsync(
                    new CreateContainerParameters { Image = "vmbench-base:bookworm", Cmd = ["sleep", "300"], Labels = labels, HostConfig = new HostConfig { NetworkMode = "none" } },
                    CancellationToken.None);
                ids[i] = created.ID;
            }

            // One of them running, as after a crash in the middle of a benchmark.
            await first.Client.Containers.StartContainerAsync(ids[0], new ContainerStartParameters(), CancellationToken.None);
        }

        var log = new List<string>();
        await using var second = await DockerTestRuntime.CreateAsync(_output, log: log);

        Assert.Contains("removed 2 containers left by an earlier run", log);
        Assert.Empty(await DockerTestRuntime.ContainersOfAsync(second.Client, "crashed-run"));
    }
}
