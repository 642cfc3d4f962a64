namespace VmBench.Core.Model;

/// <summary>The manifest's <c>build</c> section.</summary>
/// <param name="Project">dotnet: the .csproj relative to the server folder.</param>
/// <param name="Command">command: an optional argv run in the folder before a local run.</param>
/// <param name="Dockerfile">command: the server's own Dockerfile, relative to the folder.</param>
public sealed record ServerBuild(BuildKind Kind, string? Project, IReadOnlyList<string> Command, string? Dockerfile)
{
    /// <summary>dotnet: the assembly name, which is the project's file name.</summary>
    public string? AssemblyName => Project is null ? null : Path.GetFileNameWithoutExtension(Project);
}
