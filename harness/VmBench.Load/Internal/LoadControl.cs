namespace VmBench.Load.Internal;

/// <summary>Shared between the event loops and the coordinator: the stop flag and the first failure.</summary>
internal sealed class LoadControl
{
    private volatile bool _stop;
    private string? _failure;

    public bool StopRequested => _stop;

    public string? Failure => Volatile.Read(ref _failure);

    public void Stop() => _stop = true;

    /// <summary>Records the first failure (later ones are consequences) and stops every loop.</summary>
    public void Fail(string message)
    {
        Interlocked.CompareExchange(ref _failure, message, null);
        _stop = true;
    }
}
