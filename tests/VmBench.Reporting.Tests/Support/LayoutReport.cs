namespace VmBench.Reporting.Tests.Support;

/// <summary>What <see cref="LayoutProbe"/> measured in the browser.</summary>
internal sealed record LayoutReport(int Viewport, int Tables, int Charts, bool ScriptRan, IReadOnlyList<string> Problems, IReadOnlyList<double> SortedRequestsPerSecond, int ReadlineRows, int Verdicts, int VerdictsOutOfView, bool? LogSwitch);
