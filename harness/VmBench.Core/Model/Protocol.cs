using VmBench.Core.Results;

namespace VmBench.Core.Model;

/// <summary>A benchmark protocol: a mode over an address kind, with its benchmark-name prefix.</summary>
/// <param name="Pattern">How the load client uses connections (<see cref="LoadPattern.Churn"/>: one connection per request).</param>
/// <param name="FixedSize">The one message size of a protocol without a payload axis (its cells are one per concurrency); null when it takes the run's sizes.</param>
public sealed record Protocol(string Prefix, Mode Mode, AddressKind Address, LoadPattern Pattern = LoadPattern.Stream, int? FixedSize = null)
{
    /// <summary>The payload of every connect exchange: small, so a cell measures setting up and tearing down connections, not moving bytes.</summary>
    public const int ConnectMessageSize = 64;

    public static readonly Protocol TcpEcho = new("tcpecho", Mode.Echo, AddressKind.Tcp);
    public static readonly Protocol UnixEcho = new("unixecho", Mode.Echo, AddressKind.Unix);
    public static readonly Protocol Readline = new("readline", Mode.Readline, AddressKind.Tcp);
    public static readonly Protocol Http = new("http", Mode.Http, AddressKind.Tcp, FixedSize: VariationResult.NoPayload);
    public static readonly Protocol Connect = new("connect", Mode.Echo, AddressKind.Tcp, LoadPattern.Churn, ConnectMessageSize);

    /// <summary>Echo over established TLS connections: the tcpecho matrix, encrypted.</summary>
    public static readonly Protocol TlsEcho = new("tlsecho", Mode.Echo, AddressKind.Tls);

    /// <summary>Full TLS handshakes: connect, handshake, one verified 64-byte echo, close (no resumption).</summary>
    public static readonly Protocol TlsHandshake = new("tlshandshake", Mode.Echo, AddressKind.Tls, LoadPattern.Churn, ConnectMessageSize);

    /// <summary>Every protocol, in the order benchmarks are listed and run.</summary>
    public static IReadOnlyList<Protocol> All { get; } = [TcpEcho, UnixEcho, Readline, Http, Connect, TlsEcho, TlsHandshake];

    /// <summary>Whether a job keeps its connections open (its memory per connection can be weighed); churn opens one per request.</summary>
    public bool HoldsConnections => Pattern == LoadPattern.Stream;

    /// <summary>
    /// The most connections a warm-up step uses. Each step sets up its connections again: 10,000 take longer than the
    /// step, and a churn step at 1,000 is 1,000 handshakes at once, an overload of the accept queue, not a warm-up.
    /// </summary>
    public int WarmupConnections => HoldsConnections ? 1000 : 100;

    /// <summary>Whether the server is started with a certificate and the load client speaks TLS.</summary>
    public bool IsTls => Address == AddressKind.Tls;

    /// <summary>The plaintext protocol a TLS one is compared with (tlsecho: tcpecho, tlshandshake: connect); null for a plaintext one.</summary>
    public Protocol? PlaintextTwin => this == TlsEcho ? TcpEcho : this == TlsHandshake ? Connect : null;

    public static Protocol? FromPrefix(string prefix) => All.FirstOrDefault(p => p.Prefix == prefix);
}
