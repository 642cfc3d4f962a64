using System.Text;
using VmBench.Core.Model;

namespace VmBench.Contract.Checks;

/// <summary>Options the contract asks of accepted sockets, read on the server's own socket (<see cref="AcceptedSocket"/>).</summary>
public static class SocketOptionChecks
{
    /// <summary>Checked on every TCP benchmark: a server may accept differently per mode.</summary>
    public static readonly ContractCheck NoDelay = new("Accepted_tcp_sockets_have_tcp_nodelay_set", b => b.Protocol.Address == AddressKind.Tcp && ContractCheck.Contracted(b), async c =>
    {
        using var socket = await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false);
        // One answer first: the server has accepted the connection and set it up.
        var (request, answer) = c.Benchmark.Protocol.Mode == Mode.Http ? ("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", "HTTP/1.1") : ("ping\n", "ping\n");
        await Wire.SendAsync(socket, Encoding.ASCII.GetBytes(request)).ConfigureAwait(false);
        var got = Encoding.ASCII.GetString(await Wire.ReadAsync(socket, answer.Length).ConfigureAwait(false));
        ContractViolation.Unless(got == answer, $"the server did not answer \"{request.ReplaceLineEndings("\\n")}\" with \"{answer.ReplaceLineEndings("\\n")}\" (got \"{got.ReplaceLineEndings("\\n")}\")");
        ContractViolation.Unless(AcceptedSocket.NoDelay(socket), "TCP_NODELAY is not set on the accepted socket (set it on every accepted TCP socket: small answers must not wait for Nagle)");
    });
}
