using VmBench.Servers.Hosting;
using VmBench.Servers.Saea;

return await ServerHost.RunAsync("saea", args, () => new SaeaEchoServer());
