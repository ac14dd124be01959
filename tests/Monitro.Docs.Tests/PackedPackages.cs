using System.Text.RegularExpressions;

namespace Monitro.Docs.Tests;

/// <summary>
/// The Monitro packages the snippets are compiled against. CI packs them once before the tests
/// (<c>dotnet pack Monitro.sln -c Release -o artifacts/packages</c>) and names the folder in
/// <c>MONITRO_PACKAGES</c>, so the test compiles against what is shipped without packing a second time;
/// elsewhere the test packs the projects this test project already built (<c>--no-build</c>), so a
/// local run pays for packing but not for another build.
/// </summary>
internal static partial class PackedPackages
{
    /// <summary>The variable that names a folder of packed Monitro packages.</summary>
    public const string VariableName = "MONITRO_PACKAGES";

    /// <summary>The packages the repository ships, in dependency order.</summary>
    public static readonly string[] Ids = ["Monitro.Abstractions", "Monitro", "Monitro.Sources", "Monitro.Storage.Sqlite", "Monitro.Storage.PostgreSql", "Monitro.Orleans", "Monitro.Orleans.PostgreSql", "Monitro.Dashboard"];

    /// <summary>Gets the configuration the packages were built in: Release for a given folder (CI packs Release), otherwise the one this test project was built in.</summary>
    public static string Configuration =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(VariableName)) ? OwnConfiguration : "Release";

    // The test runs from artifacts/bin/Monitro.Docs.Tests/<configuration>/.
    private static string OwnConfiguration =>
        string.Equals(new DirectoryInfo(AppContext.BaseDirectory).Name, "release", StringComparison.OrdinalIgnoreCase) ? "Release" : "Debug";

    /// <summary>Finds the packages (or packs them into <paramref name="scratch"/>) and returns the folder and their version.</summary>
    /// <param name="scratch">A folder to pack into when no packed folder is given.</param>
    public static async Task<(string Folder, string Version)> GetAsync(string scratch)
    {
        var given = Environment.GetEnvironmentVariable(VariableName);
        var folder = string.IsNullOrWhiteSpace(given) ? await PackAsync(scratch) : Path.GetFullPath(given);
        return (folder, VersionIn(folder));
    }

    private static async Task<string> PackAsync(string scratch)
    {
        var folder = Path.Combine(scratch, "packages");
        // Pack what this test project's configuration built.
        var configuration = OwnConfiguration;
        foreach (var id in Ids)
        {
            var project = Repository.File($"src/{id}/{id}.csproj");
            var (exitCode, output) = await DotnetCli.RunAsync(Repository.Root, TimeSpan.FromMinutes(5), "pack", project, "--no-build", "-c", configuration, "-o", folder);
            Assert.True(exitCode == 0, $"dotnet pack {id} failed:\n{output}");
        }

        return folder;
    }

    private static string VersionIn(string folder)
    {
        var versions = Directory.EnumerateFiles(folder, "Monitro.*.nupkg")
            .Select(path => PackageFile().Match(Path.GetFileName(path)))
            .Where(match => match.Success)
            .Select(match => match.Groups["version"].Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(versions.Count == 1, $"Expected one version of the Monitro packages in {folder}, found: {string.Join(", ", versions)}");
        return versions[0];
    }

    // Monitro.Abstractions.0.1.0.nupkg, Monitro.Abstractions.0.1.0-ci.5.nupkg: the version starts at the first number.
    [GeneratedRegex(@"^Monitro\.Abstractions\.(?<version>\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex PackageFile();
}
