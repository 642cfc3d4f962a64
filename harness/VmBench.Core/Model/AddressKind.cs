namespace VmBench.Core.Model;

/// <summary>An address family a server declares in its manifest's <c>addresses</c>.</summary>
public enum AddressKind
{
    Tcp,
    Unix,

    /// <summary>TLS over TCP (<c>--tls-cert</c>/<c>--tls-key</c> given to the server); its address is a TCP one.</summary>
    Tls,
}
