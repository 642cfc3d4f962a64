using VmBench.Servers.Hosting;
using VmBench.Servers.Libuv;

return await ServerHost.RunAsync("libuv", args, () => new LibuvEchoServer());
