namespace VmBench.Runtimes.Docker;

/// <summary>An engine that answered: where, and which version.</summary>
public sealed record DockerEngineInfo(Uri Host, string Version, string ApiVersion, string Os, string Architecture, string KernelVersion);
