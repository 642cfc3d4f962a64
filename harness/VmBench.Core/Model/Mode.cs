namespace VmBench.Core.Model;

/// <summary>A protocol a server declares in its manifest's <c>modes</c>.</summary>
public enum Mode
{
    Echo,
    Readline,
    Http,
}
