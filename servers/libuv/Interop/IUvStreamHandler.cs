namespace VmBench.Servers.Libuv.Interop;

/// <summary>What a stream's owner does with libuv's read callbacks (all on the loop thread).</summary>
internal unsafe interface IUvStreamHandler
{
    /// <summary><c>uv_alloc_cb</c>: fill <paramref name="buffer"/> with memory to read into.</summary>
    void OnAlloc(nuint suggestedSize, UvBuf* buffer);

    /// <summary><c>uv_read_cb</c>: <paramref name="nread"/> bytes, 0 (nothing now), or an error such as <see cref="UvErrors.EndOfFile"/>; the buffer is the one from <see cref="OnAlloc"/> (its base may be null).</summary>
    void OnRead(nint nread, UvBuf* buffer);

    /// <summary>The close callback: libuv no longer uses the handle or any buffer given to it.</summary>
    void OnClosed();
}
