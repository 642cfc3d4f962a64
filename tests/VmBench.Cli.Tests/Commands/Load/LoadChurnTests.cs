using System.Net;
using System.Net.Sockets;
using VmBench.Cli.Commands.Load;
using VmBench.Testing;

namespace VmBench.Cli.Tests.Commands.Load;

/// <summary>`vmbench load --churn`: the connect-&lt;id&gt; load against one server, and the combinations it cannot run refused as usage errors.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class LoadChurnTests
{
    [Theory]
    [InlineData("127.0.0.1:5000", "readline", "churn (one connection per request) runs echo exchanges only (got mode readline)")]
    [InlineData("[::1]:5000", "echo", "churn (one connection per request) needs an IPv4 loopback target")]
    [InlineData("unix:/tmp/vmbench-churn-cli.sock", "echo", "churn (one connection per request) runs over tcp only")]
    public async Task A_combination_churn_cannot_run_is_a_usage_error_saying_why(string address, string mode, string expected)
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await new LoadCommand(output, error).ExecuteAsync(Options(address, mode, seconds: 1), CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Churn_against_an_echo_server_prints_connections_per_second()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(512);
        using var cancel = new CancellationTokenSource();
        var serving = Task.Run(() => EchoEachAsync(listener, cancel.Token));
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await new LoadCommand(output, error).ExecuteAsync(Options($"127.0.0.1:{((IPEndPoint)listener.LocalEndPoint!).Port}", "echo", seconds: 0.5), CancellationToken.None);
        await cancel.CancelAsync();
        listener.Close();
        await serving;

        Assert.True(exit == 0, error.ToString());
        Assert.Matches(@"echo churn on 127\.0\.0\.1:\d+: 64 B x 1, one connection each, concurrency 2, ", output.ToString());
        Assert.Matches(@"\n[\d,]+ connections \(connect, echo, close\), [\d,]+ connections/s\n", output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static LoadOptions Options(string address, string mode, double seconds) =>
        new(address, mode, 64, null, 2, seconds, 0, null, false, false, Churn: true);

    /// <summary>Accepts connections and echoes each until its client closes it.</summary>
    private static async Task EchoEachAsync(Socket listener, CancellationToken cancellationToken)
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var connection = await listener.AcceptAsync(cancellationToken);
                connections.Add(Task.Run(async () =>
                {
                    using (connection)
                    {
                        var buffer = new byte[1024];
                        int n;
                        while ((n = await connection.ReceiveAsync(buffer, SocketFlags.None)) > 0)
                        {
                            await connection.SendAsync(buffer.AsMemory(0, n), SocketFlags.None);
                        }
                    }
                }));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The test is done with the server.
        }

        await Task.WhenAll(connections.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)));
    }
}
