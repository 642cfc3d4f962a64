namespace VmBench.Servers.Hosting;

/// <summary>What a server does with the bytes it reads (see servers/README.md).</summary>
public enum ServerMode
{
    /// <summary>Writes back every byte it reads, in order.</summary>
    Echo,

    /// <summary>Answers each <c>\n</c>-terminated line with the same line.</summary>
    Readline,

    /// <summary>Answers <c>GET /</c> with a small fixed body over keep-alive HTTP/1.1.</summary>
    Http,
}
