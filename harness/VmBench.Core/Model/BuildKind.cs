namespace VmBench.Core.Model;

/// <summary>How a server is built: a .NET project, or commands and a Dockerfile of its own.</summary>
public enum BuildKind
{
    Dotnet,
    Command,
}
