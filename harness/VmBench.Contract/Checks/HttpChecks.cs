using System.Globalization;
using System.Net.Sockets;
using System.Text;
using VmBench.Core.Model;

namespace VmBench.Contract.Checks;

/// <summary>The contract's http mode: keep-alive HTTP/1.1, GET / answers a small fixed body.</summary>
public static class HttpChecks
{
    public static readonly ContractCheck HelloWorld = new("Answers_get_root_with_hello_world_over_one_keep_alive_connection", ContractCheck.InMode(Mode.Http), async c =>
    {
        using var socket = await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false);
        for (var i = 0; i < 3; i++)
        {
            await Wire.SendAsync(socket, Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")).ConfigureAwait(false);
            var (head, body) = await ReadResponseAsync(socket).ConfigureAwait(false);
            ContractViolation.Unless(head.StartsWith("HTTP/1.1 200", StringComparison.Ordinal), $"request {i + 1}: expected HTTP/1.1 200, got \"{head.Split("\r\n")[0]}\"");
            ContractViolation.Unless(head.Contains("content-type: text/plain", StringComparison.OrdinalIgnoreCase), $"request {i + 1}: no Content-Type: text/plain header");
            ContractViolation.Unless(body == "Hello, World!", $"request {i + 1}: expected the body \"Hello, World!\", got \"{body}\"");
        }

        await EchoChecks.StopsWithZeroAsync(c).ConfigureAwait(false);
    });

    private static async Task<(string Head, string Body)> ReadResponseAsync(Socket socket)
    {
        var received = new List<byte>();
        while (true)
        {
            var text = Encoding.ASCII.GetString(received.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var head = text[..end];
                var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("content-length:", StringComparison.OrdinalIgnoreCase));
                ContractViolation.Unless(lengthLine is not null, "the response has no Content-Length header");
                var length = int.Parse(lengthLine!["content-length:".Length..].Trim(), CultureInfo.InvariantCulture);
                if (received.Count >= end + 4 + length)
                {
                    return (head, Encoding.ASCII.GetString(received.ToArray(), end + 4, length));
                }
            }

            var chunk = await Wire.ReadSomeAsync(socket).ConfigureAwait(false);
            ContractViolation.Unless(chunk.Length > 0, "the server closed the keep-alive connection");
            received.AddRange(chunk);
        }
    }
}
