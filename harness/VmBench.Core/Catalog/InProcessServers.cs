using System.Reflection;
using VmBench.Core.Model;

namespace VmBench.Core.Catalog;

/// <summary>
/// The .NET servers of a servers folder, for hosting in this process (the micro-benchmarks, the in-process server
/// tests): every manifest of build kind dotnet, and in its assembly (the project's name, loaded by name: the host
/// references <c>servers/*/*.csproj</c>) the one public class implementing <typeparamref name="T"/>.
/// </summary>
public static class InProcessServers
{
    public static IReadOnlyList<InProcessServer<T>> Discover<T>(string serversDirectory)
        where T : class =>
        [.. ServerCatalog.Discover(serversDirectory).Servers.Where(s => s.Build.Kind == BuildKind.Dotnet).Select(s => new InProcessServer<T>(s.Id, Implementation<T>(s)))];

    private static Type Implementation<T>(ServerManifest server)
    {
        var name = server.Build.AssemblyName!;
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(name);
        }
        catch (FileNotFoundException)
        {
            throw new InvalidOperationException($"{server.ManifestPath}: assembly {name} is not beside {AppContext.BaseDirectory}: reference servers/*/*.csproj from the hosting project");
        }

        var types = assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null).ToList();
        return types.Count == 1
            ? types[0]
            : throw new InvalidOperationException($"{server.ManifestPath}: {name} has {types.Count} public classes implementing {typeof(T).Name} with a parameterless constructor ({string.Join(", ", types.Select(t => t.Name))}); make it exactly one");
    }
}
