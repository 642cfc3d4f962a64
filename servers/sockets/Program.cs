using VmBench.Servers.Hosting;
using VmBench.Servers.Sockets;

return await ServerHost.RunAsync("sockets", args, () => new SocketsEchoServer());
