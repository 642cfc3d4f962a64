namespace VmBench.Micro.Echo;

/// <summary>How the client reaches the in-process server.</summary>
public enum Transport
{
    /// <summary>TCP over loopback (127.0.0.1, a free port), TCP_NODELAY on the client.</summary>
    Tcp,

    /// <summary>A unix domain stream socket in the temporary folder.</summary>
    Unix,
}
