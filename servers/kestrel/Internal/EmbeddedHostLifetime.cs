using Microsoft.Extensions.Hosting;

namespace VmBench.Servers.Kestrel.Internal;

/// <summary>
/// A host lifetime that does nothing: unlike the default console lifetime it neither handles
/// SIGTERM/SIGINT nor prints "Application started", because the embedding process owns both.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
