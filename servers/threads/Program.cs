using VmBench.Servers.Hosting;
using VmBench.Servers.Threads;

return await ServerHost.RunAsync("threads", args, () => new ThreadsEchoServer());
