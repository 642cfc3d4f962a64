namespace VmBench.Core.Model;

/// <summary>An address family a server declares in its manifest's <c>addresses</c>.</summary>
public enum AddressKind
{
    Tcp,
    Unix,
    Tls,
}
