namespace VmBench.Load.Internal;

/// <summary>Where a churn exchange failed.</summary>
internal enum ChurnStep
{
    /// <summary>socket(2), setsockopt(2), bind(2) or registering with epoll.</summary>
    Setup,

    /// <summary>Before the connection was established.</summary>
    Connect,

    /// <summary>TLS: the handshake, after the connection was established.</summary>
    Handshake,

    /// <summary>Sending the payload or reading its echo.</summary>
    Echo,
}
