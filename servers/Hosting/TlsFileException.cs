namespace VmBench.Servers.Hosting;

/// <summary>A TLS certificate or key file a server cannot use; the message names the file and what is wrong with it.</summary>
public sealed class TlsFileException : Exception
{
    public TlsFileException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
    }

    public TlsFileException()
    {
        Path = string.Empty;
    }

    public TlsFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    /// <summary>The file at fault.</summary>
    public string Path { get; }
}
