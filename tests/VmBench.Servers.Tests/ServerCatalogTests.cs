using System.Reflection;
using VmBench.Core.Model;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class ServerCatalogTests
{
    [Fact]
    public void The_servers_under_test_are_the_dotnet_manifests_of_servers_and_every_server_class_beside_the_tests()
    {
        var manifests = VmBench.Core.Catalog.ServerCatalog.Discover(Repository.Servers).Servers.Where(s => s.Build.Kind == BuildKind.Dotnet).Select(s => s.Id);
        var classes = Directory.EnumerateFiles(AppContext.BaseDirectory, "VmBench.Servers.*.dll")
            .SelectMany(dll => Assembly.LoadFrom(dll).GetExportedTypes())
            .Where(t => t.IsClass && typeof(IEchoServer).IsAssignableFrom(t))
            .Select(t => t.FullName);

        Assert.Equal(manifests.Order(StringComparer.Ordinal), ServerCatalog.Servers.Select<object[], string>(row => (string)row[0]).Order(StringComparer.Ordinal));
        Assert.Equal(classes.Order(StringComparer.Ordinal), ServerCatalog.All.Select(s => s.Type.FullName).Order(StringComparer.Ordinal));
    }
}
