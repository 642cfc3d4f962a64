using VmBench.Servers.Hosting;

namespace VmBench.Micro.Echo;

/// <summary>One .NET server of the micro-suite: its id (the folder under servers/) and how to make one.</summary>
public sealed record EchoServerEntry(string Id, Func<IEchoServer> Create);
