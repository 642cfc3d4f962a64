namespace VmBench.Reporting.Tests.Support;

internal sealed record ChromiumResult(int ExitCode, string StdOut, string StdErr);
