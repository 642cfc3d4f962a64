namespace VmBench.Core.Model;

/// <summary>A benchmark protocol: a mode over an address kind, with its benchmark-name prefix.</summary>
public sealed record Protocol(string Prefix, Mode Mode, AddressKind Address)
{
    public static readonly Protocol TcpEcho = new("tcpecho", Mode.Echo, AddressKind.Tcp);
    public static readonly Protocol UnixEcho = new("unixecho", Mode.Echo, AddressKind.Unix);
    public static readonly Protocol Readline = new("readline", Mode.Readline, AddressKind.Tcp);
    public static readonly Protocol Http = new("http", Mode.Http, AddressKind.Tcp);

    /// <summary>Every protocol, in the order benchmarks are listed and run.</summary>
    public static IReadOnlyList<Protocol> All { get; } = [TcpEcho, UnixEcho, Readline, Http];

    public static Protocol? FromPrefix(string prefix) => All.FirstOrDefault(p => p.Prefix == prefix);
}
