using System.Runtime.InteropServices;
using VmBench.Load.Internal;

namespace VmBench.Load.Tests;

public sealed partial class CpuMeterTests
{
    [Fact]
    public void Available_cores_follow_an_affinity_set_after_start_up()
    {
        int? pinned = null;
        string? error = null;

        // Only this thread is pinned (pid 0 is the calling thread), so the tests beside it keep every CPU.
        var thread = new Thread(() =>
        {
            ulong mask = 1;
            if (SchedSetAffinity(0, sizeof(ulong), ref mask) != 0)
            {
                error = $"sched_setaffinity failed (errno {Marshal.GetLastPInvokeError()})";
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

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nint cpuSetSize, ref ulong mask);
}
