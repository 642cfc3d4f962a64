namespace VmBench.Load;

/// <summary>The load target is not loopback (127.0.0.0/8, ::1, localhost) or a unix socket, and the opt-in was not given.</summary>
public sealed class NonLoopbackTargetException : ArgumentException
{
    public NonLoopbackTargetException(string address)
        : base($"refusing to load non-loopback target {address}: only 127.0.0.0/8, ::1, localhost and unix sockets are loaded unless you pass --allow-remote (LoadSpec.AllowNonLoopback); other host names are not looked up without it")
    {
        Address = address;
    }

    public NonLoopbackTargetException()
        : this("(unknown)")
    {
    }

    public NonLoopbackTargetException(string message, Exception innerException)
        : base(message, innerException)
    {
        Address = "(unknown)";
    }

    public string Address { get; }
}
