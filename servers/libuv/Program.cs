using VmBench.Servers.Hosting;
using VmBench.Servers.Libuv;

if (args is ["--libuv-version"])
{
    // The libuv the server loads (run.json's versions), or why it cannot.
    if (LibuvInfo.TryGetVersion(out var version, out var error))
    {
        Console.Out.WriteLine(version);
        return ServerHost.ExitOk;
    }

    await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
    return ServerHost.ExitFailure;
}

if (!Workers.TryRead(out var loops, out var workersError))
{
    await Console.Error.WriteLineAsync($"libuv: {workersError}").ConfigureAwait(false);
    return ServerHost.ExitUsage;
}

return await ServerHost.RunAsync("libuv", args, () => new LibuvEchoServer(loops));
