using VmBench.Core.Model;

namespace VmBench.Core.Load;

/// <summary>Decides that a started server is ready: connect and one verified exchange in its mode.</summary>
public interface IReadinessProbe
{
    /// <summary>One attempt. Returns null when ready, or what went wrong (connection refused, wrong echo ...).</summary>
    Task<string?> TryOnceAsync(Address address, Mode mode, CancellationToken cancellationToken);
}
