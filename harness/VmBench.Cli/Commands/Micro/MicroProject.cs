using System.Globalization;
using System.Xml.Linq;
using VmBench.Cli.Commands.Common;

namespace VmBench.Cli.Commands.Micro;

/// <summary>
/// Where harness/VmBench.Micro and its Release build live, and whether that build is older than its sources:
/// the .cs, .csproj and .props files of the Micro project and of every project it references (followed
/// through ProjectReference items, wildcards included), plus the repository's build props.
/// </summary>
public sealed class MicroProject
{
    public const string Configuration = "Release";

    private static readonly string[] s_sourcePatterns = ["*.cs", "*.csproj", "*.props"];
    private static readonly string[] s_rootFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json"];

    public MicroProject(string root)
    {
        Root = root;
        Project = Path.Combine(root, "harness", "VmBench.Micro", "VmBench.Micro.csproj");
        Assembly = Path.Combine(root, "harness", "VmBench.Micro", "bin", Configuration, "net10.0", "VmBench.Micro.dll");
    }

    public string Root { get; }

    public string Project { get; }

    public string Assembly { get; }

    /// <summary>Touched after every successful build: a no-op build leaves the dlls' times alone, this records that they are current.</summary>
    public string BuildStamp => Path.Combine(Path.GetDirectoryName(Assembly)!, ".vmbench-built");

    public static MicroProject Find() => new(RepositoryPaths.Root());

    /// <summary>True when the dll is missing or a source it depends on is newer than the build (its dlls or the stamp).</summary>
    public bool IsOutdated()
    {
        if (!File.Exists(Assembly))
        {
            return true;
        }

        var output = Path.GetDirectoryName(Assembly)!;
        var built = Directory.EnumerateFiles(output, "*.dll").Append(BuildStamp).Where(File.Exists).Max(File.GetLastWriteTimeUtc);
        var sources = s_rootFiles.Select(f => Path.Combine(Root, f)).Where(File.Exists)
            .Concat(ProjectDirectories(Project).SelectMany(Sources));
        return sources.Any(file => File.GetLastWriteTimeUtc(file) > built);
    }

    /// <summary>Records that the build just made is current (see <see cref="BuildStamp"/>).</summary>
    public void MarkBuilt() => File.WriteAllText(BuildStamp, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>The folders of <paramref name="project"/> and of every project it references, directly or not.</summary>
    public static IReadOnlyCollection<string> ProjectDirectories(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(Path.GetFullPath(project));
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!File.Exists(current) || !seen.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Load(current).Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
            {
                if (reference.Attribute("Include")?.Value is { Length: > 0 } include)
                {
                    foreach (var path in Expand(Path.GetFullPath(Path.Combine(directory, include.Replace('\\', '/')))))
                    {
                        pending.Push(path);
                    }
                }
            }
        }

        return seen.Select(p => Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The files a path with <c>*</c> segments (<c>servers/*/*.csproj</c>) matches, or the path itself.</summary>
    private static IEnumerable<string> Expand(string path)
    {
        IEnumerable<string> matches = [Path.GetPathRoot(path)!];
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            matches = segment.Contains('*', StringComparison.Ordinal)
                ? matches.Where(Directory.Exists).SelectMany(m => Directory.EnumerateFileSystemEntries(m, segment).Order(StringComparer.Ordinal))
                : matches.Select(m => Path.Combine(m, segment));
        }

        return matches;
    }

    private static IEnumerable<string> Sources(string directory)
    {
        foreach (var pattern in s_sourcePatterns)
        {
            foreach (var file in Directory.EnumerateFiles(directory, pattern))
            {
                yield return file;
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(sub);
            if (name is "bin" or "obj" || name.StartsWith('.'))
            {
                continue;
            }

            foreach (var file in Sources(sub))
            {
                yield return file;
            }
        }
    }
}
