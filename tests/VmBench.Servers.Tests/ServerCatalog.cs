using VmBench.Servers.Hosting;
using VmBench.Servers.Kestrel;
using VmBench.Servers.Pipelines;
using VmBench.Servers.Saea;
using VmBench.Servers.Threads;

namespace VmBench.Servers.Tests;

/// <summary>The servers under test: adding a server is one line here.</summary>
public static class ServerCatalog
{
    private static readonly Dictionary<string, Func<IEchoServer>> s_servers = new(StringComparer.Ordinal)
    {
        ["kestrel"] = () => new KestrelEchoServer(),
        ["saea"] = () => new SaeaEchoServer(),
        ["pipelines"] = () => new PipelinesEchoServer(),
        ["threads"] = () => new ThreadsEchoServer(),
    };

    private static readonly string[] s_addresses = [AddressKind.Tcp, AddressKind.Unix];

    /// <summary>Every server.</summary>
    public static TheoryData<string> Servers => [.. s_servers.Keys];

    /// <summary>Every server on every address kind.</summary>
    public static TheoryData<string, string> ServersAndAddresses
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var server in s_servers.Keys)
            {
                foreach (var address in s_addresses)
                {
                    data.Add(server, address);
                }
            }

            return data;
        }
    }

    public static IEchoServer Create(string name) => s_servers[name]();
}
