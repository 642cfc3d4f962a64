using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Libuv.Tests;

[Trait(Tier.Key, Tier.Process)]
public sealed class ErrorTests
{
    [Fact]
    public async Task BindingAPortInUseThrowsEaddrinuse()
    {
        await using var first = await TestServer.StartTcpAsync();
        await using var second = new LibuvEchoServer();

        var error = await Assert.ThrowsAsync<UvException>(async () =>
            await second.StartAsync(new ServerOptions(first.EndPoint, ServerMode.Echo), CancellationToken.None));

        Assert.Equal("EADDRINUSE", error.ErrorName);
        Assert.True(error.Code < 0);
        Assert.Contains("address already in use", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error);
    }

    [Fact]
    public async Task BindingAUnixSocketInAMissingFolderThrowsWithTheLibuvErrorName()
    {
        await using var server = new LibuvEchoServer();
        var path = Path.Combine(Path.GetTempPath(), $"vmbench-missing-{Guid.NewGuid():N}", "server.sock");

        var error = await Assert.ThrowsAsync<UvException>(async () =>
            await server.StartAsync(new ServerOptions(new UnixDomainSocketEndPoint(path), ServerMode.Echo), CancellationToken.None));

        // uv_pipe_bind reports a missing folder as EACCES (libuv maps ENOENT to it).
        Assert.Equal("EACCES", error.ErrorName);
        Assert.Contains("uv_pipe_bind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsTheLibuvVersion()
    {
        Assert.True(LibuvInfo.TryGetVersion(out var version, out var error), error);
        Assert.Matches(@"^1\.\d+\.\d+", version);
    }

    [Fact]
    public async Task ServerExecutableWithoutLibuvExitsWithOneLineNamingTheFix()
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var appHost = Path.Combine(AppContext.BaseDirectory, "VmBench.Servers.Libuv");
        if (File.Exists(appHost))
        {
            start.FileName = appHost;
        }
        else
        {
            start.FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "VmBench.Servers.Libuv.dll"));
        }

        foreach (var argument in new[] { "--addr", "127.0.0.1:0", "--mode", "echo" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["VMBENCH_LIBUV_PATH"] = "/nonexistent/libuv.so.1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEqual(0, process.ExitCode);
        var line = Assert.Single(lines);
        Assert.Contains("apt-get install libuv1", line, StringComparison.Ordinal);
        Assert.StartsWith("libuv: cannot load /nonexistent/libuv.so.1", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await stdout);
    }

    [Fact]
    public async Task AnUnsupportedEndPointIsRejected()
    {
        await using var server = new LibuvEchoServer();
        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await server.StartAsync(new ServerOptions(new DnsEndPoint("localhost", 0), ServerMode.Echo), CancellationToken.None));
    }
}
