using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using VmBench.Docker.Tests.Support;
using Xunit.Abstractions;

namespace VmBench.Docker.Tests;

[Trait(Tier.Key, Tier.Docker)]
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
        using var folder = new TempServer("runfails", "ARG BASE_IMAGE=vmbench-base:bookworm\nFROM ${BASE_IMAGE}\nRUN echo marker-of-the-bad-step && exit 23\n");
        await using var runtime = await DockerTestRuntime.CreateAsync(_output);
        var result = await runtime.BuildAsync(folder.Manifest, CancellationToken.None);
        _output.WriteLine(result.Message);
        Assert.Equal(BuildStatus.Failed, result.Status);
        Assert.Contains("marker-of-the-bad-step", result.Message, StringComparison.Ordinal);
        Assert.Matches(@"non-zero code: 23\b", result.Message); // the step's exit code, as the engine reports it (not the "exit 23" of the command)
    }

    [DockerFact]
    public async Task A_changed_file_gives_a_new_image()
    {
        using var folder = new TempServer("changedfile", "ARG BASE_IMAGE=vmbench-base:bookworm\nFROM ${BASE_IMAGE}\nCOPY payload.txt /app/payload.txt\n");
        var payload = Path.Combine(folder.Directory, "payload.txt");
        await File.WriteAllTextAsync(payload, "first " + Guid.NewGuid());
        var first = await BuildInFreshRuntimeAsync(folder.Manifest);
        var unchanged = await BuildInFreshRuntimeAsync(folder.Manifest);
        await File.WriteAllTextAsync(payload, "second " + Guid.NewGuid());
        var changed = await BuildInFreshRuntimeAsync(folder.Manifest);

        Assert.Equal(BuildStatus.UpToDate, unchanged.Result.Status);
        Assert.Equal(first.Tag, unchanged.Tag);
        Assert.Equal(BuildStatus.Built, changed.Result.Status);
        Assert.NotEqual(first.Tag, changed.Tag);
    }

    /// <summary>Builds in a new runtime (a second `vmbench build`); returns the result and the image tag its message names.</summary>
    private async Task<(BuildResult Result, string Tag)> BuildInFreshRuntimeAsync(ServerManifest server)
    {
        await using var runtime = await DockerTestRuntime.CreateAsync(_output);
        var result = await runtime.BuildAsync(server, CancellationToken.None);
        _output.WriteLine(result.Message);
        Assert.True(result.Usable, result.Message);
        return (result, System.Text.RegularExpressions.Regex.Match(result.Message, @"image (vmbench-server-\S+)").Groups[1].Value);
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
