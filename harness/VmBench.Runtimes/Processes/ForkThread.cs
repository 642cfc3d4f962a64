using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace VmBench.Runtimes.Processes;

/// <summary>
/// One thread, alive as long as the harness, that starts every child. A parent-death signal fires when the
/// thread that forked the child ends, not the process: a child forked from a pool thread would be killed
/// when that thread retires, so none is.
/// </summary>
internal static class ForkThread
{
    private static readonly BlockingCollection<Action> s_work = [];

    static ForkThread()
    {
        var thread = new Thread(() =>
        {
            foreach (var work in s_work.GetConsumingEnumerable())
            {
                work();
            }
        })
        {
            IsBackground = true,
            Name = "vmbench child starter",
        };
        thread.Start();
    }

    public static void Run(Action action)
    {
        using var done = new ManualResetEventSlim();
        ExceptionDispatchInfo? error = null;
        s_work.Add(() =>
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                error = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                done.Set();
            }
        });
        done.Wait();
        error?.Throw();
    }
}
