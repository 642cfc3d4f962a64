using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using VmBench.Docker.Tests.Support;
using Xunit.Abstractions;

namespace VmBench.Docker.Tests;

public sealed class ImageBuildTests
{
    private readonly ITestOutputHelper _output;

    public ImageBuildTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [DockerFact]
    public async Task An_unchanged_server_is_not_rebuilt()
    {
        var server = DockerTestRuntime.Server("sockets");
        await using (var first = await DockerTestRuntime.CreateAsync(_output))
        {
            var built = await first.BuildAsync(server, CancellationToken.None);
            _output.WriteLine(built.Message);
            Assert.True(built.Usable, built.Message);
        }

        // A fresh runtime (a second `vmbench build`): publish again, same hash, no image build.
        await using var second = await DockerTestRuntime.CreateAsync(_output);
        var again = await second.BuildAsync(server, CancellationToken.None);
        _output.WriteLine(again.Message);
        Assert.Equal(BuildStatus.UpToDate, again.Status);
        Assert.Contains("up to date", again.Message, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task A_failing_RUN_step_is_a_failed_build_with_its_output()
    {
        using var folder = new TempServer("runfails", "ARG BASE_IMAGE=vmbench-base:bookworm\nFROM ${BASE_IMAGE}\nRUN echo marker-of-the-bad-step && exit 7\n");
        await using var runtime = await DockerTestRuntime.CreateAsync(_output);
        var result = await runtime.BuildAsync(folder.Manifest, CancellationToken.None);
        _output.WriteLine(result.Message);
        Assert.Equal(BuildStatus.Failed, result.Status);
        Assert.Contains("marker-of-the-bad-step", result.Message, StringComparison.Ordinal);
        Assert.Contains("7", result.Message, StringComparison.Ordinal);
    }

    [DockerFact]
    public async Task A_command_server_without_its_Dockerfile_fails_with_the_field_named()
    {
        using var folder = new TempServer("nodockerfile", null);
        await using var runtime = await DockerTestRuntime.CreateAsync(_output);
        var result = await runtime.BuildAsync(folder.Manifest, CancellationToken.None);
        Assert.Equal(BuildStatus.Failed, result.Status);
        Assert.Contains("build.dockerfile", result.Message, StringComparison.Ordinal);
    }
}
