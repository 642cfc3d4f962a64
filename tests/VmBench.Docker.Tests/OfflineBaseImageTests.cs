using Docker.DotNet.Models;
using VmBench.Docker.Tests.Support;
using VmBench.Runtimes.Docker.Internal;
using Xunit.Abstractions;

namespace VmBench.Docker.Tests;

[Trait(Tier.Key, Tier.Docker)]
public sealed class OfflineBaseImageTests
{
    private const string Tag = "vmbench-base-offline-test:bookworm";

    private readonly ITestOutputHelper _output;

    public OfflineBaseImageTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [OfflineBaseFact]
    public async Task The_base_image_builds_without_a_registry()
    {
        await using var runtime = await DockerTestRuntime.CreateAsync(_output);
        var client = runtime.Client;
        try
        {
            var id = await OfflineBaseImage.BuildAsync(client, Tag, "http://deb.debian.org/debian", TimeSpan.FromMinutes(10), CancellationToken.None);
            _output.WriteLine($"{Tag}: {id}");

            // libuv1 and the user are in it: run `id` and list libuv as that user.
            var labels = new Dictionary<string, string> { ["vmbench"] = "1", ["vmbench.run"] = runtime.RunId };
            var created = await client.Containers.CreateContainerAsync(
                new CreateContainerParameters { Image = Tag, User = "vmbench", Cmd = ["sh", "-c", "id -u; ls /usr/lib/*/libuv.so.1"], Labels = labels, HostConfig = new HostConfig { NetworkMode = "none" } },
                CancellationToken.None);
            try
            {
                await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), CancellationToken.None);
                var exit = await client.Containers.WaitContainerAsync(created.ID, CancellationToken.None);
                using var logs = await client.Containers.GetContainerLogsAsync(created.ID, false, new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, CancellationToken.None);
                var (stdout, stderr) = await logs.ReadOutputToEndAsync(CancellationToken.None);
                _output.WriteLine(stdout + stderr);
                Assert.Equal(0, exit.StatusCode);
                Assert.StartsWith("10001", stdout, StringComparison.Ordinal);
                Assert.Contains("libuv.so.1", stdout, StringComparison.Ordinal);
            }
            finally
            {
                await client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
            }
        }
        finally
        {
            try
            {
                await client.Images.DeleteImageAsync(Tag, new ImageDeleteParameters { Force = true }, CancellationToken.None);
            }
            catch (global::Docker.DotNet.DockerApiException)
            {
                // Not built.
            }
        }
    }
}
