using System.Formats.Tar;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VmBench.Runtimes.Docker.Internal;

/// <summary>
/// What goes into one image: the files of the build context (name in the context, file on disk),
/// the Dockerfile's name in it and the build arguments. Its content hash names the image, so an
/// unchanged server is never rebuilt.
/// </summary>
internal sealed class BuildContext
{
    /// <summary>Bumped when the way images are made changes, so every image is rebuilt once.</summary>
    private const string RecipeVersion = "vmbench-image-recipe-1";

    /// <summary>Folders of build output, tools and caches, never copied into an image.</summary>
    public static readonly IReadOnlySet<string> NotInImages = new HashSet<string>(StringComparer.Ordinal) { "bin", "obj", ".git", "node_modules", "__pycache__" };

    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);

    public BuildContext(string dockerfile, IReadOnlyDictionary<string, string> buildArguments)
    {
        Dockerfile = dockerfile;
        BuildArguments = buildArguments;
    }

    /// <summary>The Dockerfile's path inside the context.</summary>
    public string Dockerfile { get; }

    public IReadOnlyDictionary<string, string> BuildArguments { get; }

    public int FileCount => _files.Count;

    public void AddFile(string entryName, string sourcePath) => _files[entryName.Replace('\\', '/')] = sourcePath;

    /// <summary>
    /// Adds every file under <paramref name="directory"/> below <paramref name="prefix"/>, skipping folders named in <paramref name="skip"/>.
    /// A file link whose target lies inside <paramref name="linksWithin"/> is added as that file (Docker would not follow it out
    /// of the context), so servers can share a file that lives once (servers/uvloop's link to servers/asyncio); other links stay links.
    /// </summary>
    public void AddDirectory(string directory, string prefix, IReadOnlySet<string> skip, string? linksWithin = null)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false };
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", options))
        {
            var name = prefix.Length == 0 ? entry.Name : prefix + "/" + entry.Name;
            if (entry is DirectoryInfo sub && entry.LinkTarget is null)
            {
                if (!skip.Contains(entry.Name))
                {
                    AddDirectory(sub.FullName, name, skip, linksWithin);
                }
            }
            else
            {
                AddFile(name, Followed(entry, linksWithin));
            }
        }
    }

    private static string Followed(FileSystemInfo entry, string? within)
    {
        var folder = within is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(within)) + Path.DirectorySeparatorChar;
        return folder is not null && entry.LinkTarget is not null && entry.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true } target
            && target.FullName.StartsWith(folder, StringComparison.Ordinal) ? target.FullName : entry.FullName;
    }

    /// <summary>SHA-256 over the recipe version, the base image id, the Dockerfile name, the build arguments and every file (name, executable bit, content), hex.</summary>
    public async Task<string> HashAsync(string baseImageId, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, RecipeVersion);
        Append(hash, baseImageId);
        Append(hash, Dockerfile);
        foreach (var (key, value) in BuildArguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            Append(hash, $"arg {key}={value}");
        }

        var buffer = new byte[1 << 16];
        foreach (var (name, path) in _files)
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target)
            {
                Append(hash, $"link {name} -> {target}");
                continue;
            }

            var executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;
            Append(hash, $"file {name} {(executable ? "x" : "-")} {info.Length.ToString(CultureInfo.InvariantCulture)}");
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                }
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Writes the context as a tar into <paramref name="destination"/> (left open).</summary>
    public async Task WriteTarAsync(Stream destination, CancellationToken cancellationToken)
    {
        var writer = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var (name, path) in _files)
            {
                await writer.WriteEntryAsync(path, name, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void Append(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }
}
