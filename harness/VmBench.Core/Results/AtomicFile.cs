using System.Text;

namespace VmBench.Core.Results;

/// <summary>
/// Every file vmbench writes into a run folder (run.json and every report) goes through here: the bytes go to a
/// temporary file beside the target, which is renamed over it only once complete. A full disk or a write error
/// leaves the previous file untouched, no temporary file and no empty or half-written file, and throws an
/// <see cref="IOException"/> whose message names the path and the error.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding s_utf8 = new(false);

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, s_utf8.GetBytes(text));

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(bytes);
        var temp = TempFor(path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new IOException($"cannot write {path}: {ex.Message}", ex);
        }
    }

    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var temp = TempFor(path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
            await File.WriteAllTextAsync(temp, text, s_utf8, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new IOException($"cannot write {path}: {ex.Message}", ex);
        }
        catch (OperationCanceledException)
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The temporary file a write of <paramref name="path"/> uses: hidden, beside it, named after this process.</summary>
    public static string TempFor(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the folder itself is gone or read-only.
        }
    }
}
