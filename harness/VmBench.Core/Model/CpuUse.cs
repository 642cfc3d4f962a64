namespace VmBench.Core.Model;

/// <summary>How a server uses the CPUs it is given (the manifest's <c>cpus</c>).</summary>
public enum CpuUse
{
    /// <summary>One loop, whatever it is given.</summary>
    One,

    /// <summary>Every CPU it is given: a loop or worker per CPU (through <c>{cpus}</c>), or a runtime that scales by itself.</summary>
    All,
}
