namespace VmBench.Servers.Tests;

/// <summary>Where a test server listens: loopback TCP on port 0, or a unix socket in a fresh temp folder.</summary>
public static class AddressKind
{
    public const string Tcp = "tcp";
    public const string Unix = "unix";
}
