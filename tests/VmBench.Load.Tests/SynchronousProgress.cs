using VmBench.Core.Load;

namespace VmBench.Load.Tests;

/// <summary>Collects progress reports as they are made.</summary>
internal sealed class SynchronousProgress : IProgress<LoadProgress>
{
    private readonly List<LoadProgress> _reports;

    public SynchronousProgress(List<LoadProgress> reports)
    {
        _reports = reports;
    }

    public void Report(LoadProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }
}
