using System.Net.Sockets;
using System.Text;

namespace VmBench.Load.Tests.TestServers;

/// <summary>A tiny keep-alive HTTP responder: every request (up to the blank line) gets 200 with <see cref="Body"/>; optionally the response after <see cref="TruncateAfter"/> is cut short and the connection closed.</summary>
public sealed class HttpBehaviour : IConnectionBehaviour
{
    public string Body { get; init; } = "Hello, World!";

    public string Status { get; init; } = "200 OK";

    /// <summary>After this many whole responses, send the next one without its last 5 bytes and close (the data and the FIN in one segment); null never.</summary>
    public int? TruncateAfter { get; init; }

    public void Serve(Socket connection)
    {
        var response = Encoding.ASCII.GetBytes($"HTTP/1.1 {Status}\r\nContent-Type: text/plain\r\nContent-Length: {Body.Length}\r\n\r\n{Body}");
        var buffer = new byte[64 * 1024];
        var used = 0;
        var responses = 0;
        while (true)
        {
            var n = connection.Receive(buffer.AsSpan(used));
            if (n == 0)
            {
                return;
            }

            used += n;
            int end;
            while ((end = buffer.AsSpan(0, used).IndexOf("\r\n\r\n"u8)) >= 0)
            {
                if (!buffer.AsSpan(0, end).StartsWith("GET / HTTP/1.1\r\n"u8))
                {
                    return;
                }

                if (responses++ == TruncateAfter)
                {
                    Cork.SendAndClose(connection, response.AsSpan(0, response.Length - 5));
                    return;
                }

                connection.Send(response);
                buffer.AsSpan(end + 4, used - end - 4).CopyTo(buffer);
                used -= end + 4;
            }
        }
    }
}
