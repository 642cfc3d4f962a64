using System.Diagnostics;
using System.Globalization;
using VmBench.Load.Internal;

namespace VmBench.Load.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class CpuMeterTests
{
    [Fact]
    public void Available_cores_follow_an_affinity_set_after_start_up()
    {
        int? pinned = null;
        string? error = null;

        // Only this thread is pinned (taskset -p on its thread id), so the tests beside it keep every CPU.
        var thread = new Thread(() =>
        {
            var tid = int.Parse(Path.GetFileName(new DirectoryInfo("/proc/thread-self").LinkTarget!), CultureInfo.InvariantCulture);
            using var taskset = Process.Start(new ProcessStartInfo("taskset", ["-p", "-c", "0", tid.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            taskset.WaitForExit();
            if (taskset.ExitCode != 0)
            {
                error = $"taskset exited {taskset.ExitCode}: {taskset.StandardError.ReadToEnd()}";
                return;
            }

            pinned = RusageCpuMeter.Instance.AvailableCores;
        });
        thread.Start();
        thread.Join();

        Assert.Null(error);
        Assert.Equal(1, pinned);
        Assert.Equal(Environment.ProcessorCount, RusageCpuMeter.Instance.AvailableCores);
    }
}
