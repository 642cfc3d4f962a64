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

return await ServerHost.RunAsync("libuv", args, () => new LibuvEchoServer());
