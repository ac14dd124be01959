namespace Monitro.Docs.Tests;

/// <summary>Finds the repository the tests were built from, and the documents whose snippets are checked.</summary>
internal static class Repository
{
    private static readonly Lazy<string> FoundRoot = new(FindRoot);

    /// <summary>Gets the repository's root folder (the one holding <c>Monitro.sln</c>).</summary>
    public static string Root => FoundRoot.Value;

    /// <summary>Gets the full path of a file below the root.</summary>
    public static string File(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>Gets the documents a reader follows: the README, the package README, docs/ and the samples' READMEs.</summary>
    public static IEnumerable<string> Documents()
    {
        yield return File("README.md");
        yield return File(PackageReadme);
        foreach (var path in Directory.EnumerateFiles(File("docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return path;
        }

        foreach (var path in Directory.EnumerateFiles(File("samples"), "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return path;
        }
    }

    /// <summary>The README packed into every package (links there must be absolute).</summary>
    public const string PackageReadme = "src/PACKAGE.md";

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "Monitro.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Monitro.sln above {AppContext.BaseDirectory}: the documentation tests run from a build of the repository.");
    }
}
