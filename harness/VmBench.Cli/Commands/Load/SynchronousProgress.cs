using VmBench.Core.Load;

namespace VmBench.Cli.Commands.Load;

/// <summary>Reports progress on the reporting thread (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
public sealed class SynchronousProgress : IProgress<LoadProgress>
{
    private readonly Action<LoadProgress> _report;

    public SynchronousProgress(Action<LoadProgress> report)
    {
        _report = report;
    }

    public void Report(LoadProgress value) => _report(value);
}
