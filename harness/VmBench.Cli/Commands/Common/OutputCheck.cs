namespace VmBench.Cli.Commands.Common;

/// <summary>Checks up front that an output folder can be written, so a run never measures for an hour and then fails to save.</summary>
public static class OutputCheck
{
    /// <summary>Null when writable; else a message naming the folder and the fix.</summary>
    public static string? Check(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".vmbench-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot write to the output folder {directory}: {ex.Message} (pass --output with a writable folder)";
        }
    }
}
