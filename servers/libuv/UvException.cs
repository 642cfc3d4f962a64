namespace VmBench.Servers.Libuv;

/// <summary>
/// A libuv call failed (a negative return). Derives from <see cref="IOException"/> so hosts treat
/// a bind failure like any other I/O failure to start.
/// </summary>
public sealed class UvException : IOException
{
    public UvException()
    {
        ErrorName = string.Empty;
    }

    public UvException(string message)
        : base(message)
    {
        ErrorName = string.Empty;
    }

    public UvException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorName = string.Empty;
    }

    public UvException(int code, string errorName, string description, string operation)
        : base($"{operation}: {description} ({errorName})")
    {
        Code = code;
        ErrorName = errorName;
        Description = description;
        Operation = operation;
    }

    /// <summary>libuv's negative error code (e.g. -98 for <c>UV_EADDRINUSE</c> on Linux).</summary>
    public int Code { get; }

    /// <summary><c>uv_err_name</c>, e.g. <c>EADDRINUSE</c>.</summary>
    public string ErrorName { get; }

    /// <summary><c>uv_strerror</c>, e.g. <c>address already in use</c>.</summary>
    public string? Description { get; }

    /// <summary>The libuv function that failed, e.g. <c>uv_listen</c>.</summary>
    public string? Operation { get; }
}
