namespace VmBench.Core.Catalog;

/// <summary>One problem in one manifest: the file, the field and what is wrong.</summary>
/// <param name="File">The manifest path as shown to the user (relative to the servers' parent when possible).</param>
/// <param name="Field">The JSON field, e.g. <c>modes</c> or <c>build.project</c>; empty for the file as a whole.</param>
public sealed record ManifestError(string File, string Field, string Message)
{
    public override string ToString() =>
        Field.Length == 0 ? $"{File}: {Message}" : $"{File}: \"{Field}\": {Message}";
}
