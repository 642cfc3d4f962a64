using System.Reflection;
using System.Runtime.InteropServices;
using VmBench.Core.Results;
using VmBench.Runtimes.Native;

namespace VmBench.Cli.Commands.Common;

/// <summary>Describes this machine for run.json: host, OS, kernel, CPU, .NET and native library versions.</summary>
public static class EnvironmentProbe
{
    public static RunEnvironment Describe() => new(
        Environment.MachineName,
        RuntimeInformation.OSDescription,
        ReadOrUnknown("/proc/sys/kernel/osrelease"),
        CpuModel(),
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        Version,
        NativeVersions.Detect());

    public static string Version =>
        typeof(EnvironmentProbe).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string ReadOrUnknown(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
