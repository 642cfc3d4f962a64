namespace VmBench.Runtimes.Docker.Internal;

/// <summary>An image could not be built; the message says why (and the fix) and becomes the BuildResult's message.</summary>
internal sealed class DockerBuildException : Exception
{
    public DockerBuildException()
    {
    }

    public DockerBuildException(string message)
        : base(message)
    {
    }

    public DockerBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
