using VmBench.Servers.Hosting;
using VmBench.Servers.Pipelines;

return await ServerHost.RunAsync("pipelines", args, () => new PipelinesEchoServer());
