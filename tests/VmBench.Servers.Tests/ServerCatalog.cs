using VmBench.Core.Catalog;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Tests;

/// <summary>The servers under test: every .NET server of servers/, discovered from its manifest (nothing to add here).</summary>
public static class ServerCatalog
{
    private static readonly string[] s_addresses = [AddressKind.Tcp, AddressKind.Unix];

    public static IReadOnlyList<InProcessServer<IEchoServer>> All { get; } = InProcessServers.Discover<IEchoServer>(Repository.Servers);

    /// <summary>Every server.</summary>
    public static TheoryData<string> Servers => [.. All.Select(s => s.Id)];

    /// <summary>Every server on every address kind.</summary>
    public static TheoryData<string, string> ServersAndAddresses
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var server in All)
            {
                foreach (var address in s_addresses)
                {
                    data.Add(server.Id, address);
                }
            }

            return data;
        }
    }

    /// <summary>The servers whose manifest lists the "tls" address (each must say <see cref="IEchoServer.SupportsTls"/>).</summary>
    public static IReadOnlyList<string> TlsIds { get; } =
        [.. global::VmBench.Core.Catalog.ServerCatalog.Discover(Repository.Servers).Servers.Where(s => s.Supports(global::VmBench.Core.Model.AddressKind.Tls) && All.Any(a => a.Id == s.Id)).Select(s => s.Id)];

    /// <summary>Every TLS server.</summary>
    public static TheoryData<string> TlsServers => [.. TlsIds];

    public static IEchoServer Create(string name) => All.Single(s => s.Id == name).Create();
}
