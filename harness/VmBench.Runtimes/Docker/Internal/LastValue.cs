namespace VmBench.Runtimes.Docker.Internal;

/// <summary>An <see cref="IProgress{T}"/> that keeps the last value, synchronously (for one-shot engine streams such as stats).</summary>
internal sealed class LastValue<T> : IProgress<T>
    where T : class
{
    private T? _value;

    public T? Value => Volatile.Read(ref _value);

    public void Report(T value) => Volatile.Write(ref _value, value);
}
