using System.Runtime.InteropServices;

namespace VmBench.Micro.Tests;

[Collection(VmbenchMicroCollection.Name)]
[Trait(Tier.Key, Tier.Process)]
public sealed class MicroCancellationTests : IDisposable
{
    private const int SigInt = 2;

    private readonly string _output = Path.Combine(Path.GetTempPath(), "vmbench-micro-cancel-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Ctrl_c_stops_the_benchmark_process_tree_and_exits_130()
    {
        // A full (not dry) run: BenchmarkDotNet generates and builds a project in child processes, which takes
        // long enough to interrupt it midway.
        using var vmbench = Vmbench.Start("micro", "--filter", "*LatencyRecordingBenchmarks.RecordLatency", "--output", _output);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        IReadOnlyList<int> tree = [];
        while (DateTime.UtcNow < deadline && !vmbench.Process.HasExited)
        {
            tree = Descendants(vmbench.Process.Id);
            if (tree.Count >= 2)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.True(tree.Count >= 1, $"vmbench micro started no child process\n{vmbench.StdOut}\n{vmbench.StdErr}");
        Assert.Equal(0, Kill(vmbench.Process.Id, SigInt)); // only vmbench, as if it alone got Ctrl-C
        var exit = await vmbench.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(130, exit);
        await Task.Delay(500);
        Assert.All(tree, pid => Assert.False(Vmbench.IsAlive(pid), $"process {pid} was left behind"));
        Assert.Contains("cancelled", vmbench.StdErr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private static List<int> Descendants(int pid)
    {
        var all = new List<int>();
        var pending = new Stack<int>([pid]);
        while (pending.Count > 0)
        {
            foreach (var child in Vmbench.ChildrenOf(pending.Pop()))
            {
                all.Add(child);
                pending.Push(child);
            }
        }

        return all;
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
