using System.Diagnostics;

namespace VmBench.Robustness.Tests.Harness;

/// <summary>
/// One vmbench process under watch: its process tree is recorded while it runs, so after it exits
/// the test can check that nothing it started (nor anything carrying the fake servers' marker) survives.
/// </summary>
internal sealed class CliRun : IDisposable
{
    private readonly HashSet<int> _tree = [];
    private readonly Task _watch;
    private readonly CancellationTokenSource _stop = new();

    private CliRun(Vmbench vmbench)
    {
        Vmbench = vmbench;
        _watch = Task.Run(WatchAsync);
    }

    public Vmbench Vmbench { get; }

    public int ProcessId => Vmbench.Process.Id;

    /// <summary>Every process seen below vmbench so far.</summary>
    public IReadOnlyList<int> Tree
    {
        get
        {
            lock (_tree)
            {
                return [.. _tree];
            }
        }
    }

    public static CliRun Start(params string[] args) => new(Vmbench.Start(args));

    /// <summary>Starts vmbench, waits for it (bounded), and checks nothing is left behind.</summary>
    public static async Task<Outcome> RunAsync(string marker, TimeSpan timeout, params string[] args)
    {
        using var run = Start(args);
        return await run.FinishAsync(marker, timeout);
    }

    /// <summary>Waits for the exit (bounded), then asserts that no process of its tree and none with <paramref name="marker"/> is alive.</summary>
    public async Task<Outcome> FinishAsync(string marker, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var exit = await Vmbench.WaitAsync(timeout);
        var elapsed = clock.Elapsed;
        await _stop.CancelAsync();
        await _watch;
        await ProcessScan.AssertNothingLeftAsync(Tree, marker);
        return new Outcome(exit, Vmbench.StdOut, Vmbench.StdErr, elapsed);
    }

    /// <summary>Waits until <paramref name="condition"/> holds (polled), failing with vmbench's output after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (Vmbench.Process.HasExited || DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"vmbench never reached '{what}' (exited: {Vmbench.Process.HasExited}); stdout:\n{Vmbench.StdOut}\nstderr:\n{Vmbench.StdErr}");
            }

            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        Vmbench.Dispose();
        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            foreach (var pid in ProcessScan.Descendants(Vmbench.Process.Id))
            {
                lock (_tree)
                {
                    _tree.Add(pid);
                }
            }

            try
            {
                await Task.Delay(25, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>How a vmbench process ended.</summary>
    public sealed record Outcome(int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed)
    {
        public string Output => $"exit {ExitCode} after {Elapsed.TotalSeconds:0.0} s\nstdout:\n{StdOut}\nstderr:\n{StdErr}";
    }
}
