namespace VmBench.Core.Catalog;

/// <summary>One discovered .NET server: its id (the folder under servers/) and its class, made with its parameterless constructor.</summary>
public sealed record InProcessServer<T>(string Id, Type Type)
    where T : class
{
    public T Create() => (T)Activator.CreateInstance(Type)!;
}
