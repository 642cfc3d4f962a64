using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VmBench.Robustness.Tests.Load;

/// <summary>
/// The load client's safety: it refuses non-loopback targets before it connects anywhere, and every
/// load job is bounded in time whatever the server does. No traffic leaves loopback: the refused
/// addresses are private (10/8) or documentation ranges (TEST-NET-3, 2001:db8::/32) that route nowhere.
/// </summary>
[Collection(RobustnessCollection.Name)]
[Trait(Tier.Key, Tier.Robustness)]
public sealed class LoadSafetyTests
{
    [Theory]
    [InlineData("10.1.2.3:7")]
    [InlineData("203.0.113.9:7")]
    [InlineData("[2001:db8::1]:7")]
    public async Task A_non_loopback_target_is_refused_before_connecting(string address)
    {
        var clock = Stopwatch.StartNew();
        var (exit, stdout, stderr) = await Vmbench.RunAsync(TimeSpan.FromSeconds(30), "load", "--addr", address, "--duration", "5", "--concurrency", "1");

        Assert.True(exit == 2, $"exit {exit}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.Contains("--allow-remote", stderr, StringComparison.Ordinal);
        Assert.Contains(address, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("requests", stdout, StringComparison.Ordinal);

        // A connect attempt to an address that routes nowhere would hang for the SYN timeout, and
        // a 5 s load would take 5 s: the refusal came first. (Process start-up is the rest.)
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"the refusal took {clock.Elapsed.TotalSeconds:0.0} s: did it try to connect?");
    }

    [Fact]
    public async Task A_server_that_accepts_and_never_answers_fails_the_load_within_its_hard_timeout()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(16);
        var accepted = new List<Socket>();
        using var stop = new CancellationTokenSource();
        var acceptor = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var socket = await listener.AcceptAsync(stop.Token);
                    lock (accepted)
                    {
                        accepted.Add(socket); // held open, never read
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The test is over.
            }
        });

        try
        {
            var duration = 1.0;
            var clock = Stopwatch.StartNew();
            var (exit, stdout, stderr) = await Vmbench.RunAsync(TimeSpan.FromSeconds(90), "load", "--addr", listener.LocalEndPoint!.ToString()!, "--duration", "1", "--concurrency", "2", "--msize", "1024");

            var output = $"exit {exit} after {clock.Elapsed.TotalSeconds:0.0} s\nstdout:\n{stdout}\nstderr:\n{stderr}";
            Assert.True(exit == 1, output);
            Assert.Contains("failed:", stderr, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(duration + 30 + 15), $"the load was not bounded by duration + hard timeout: {output}");
            lock (accepted)
            {
                Assert.True(accepted.Count >= 1, "the load client never connected");
            }
        }
        finally
        {
            await stop.CancelAsync();
            await acceptor;
            lock (accepted)
            {
                accepted.ForEach(s => s.Dispose());
            }
        }
    }
}
