using VmBench.Servers.Hosting;
using VmBench.Servers.Kestrel;

return await ServerHost.RunAsync("kestrel", args, () => new KestrelEchoServer());
