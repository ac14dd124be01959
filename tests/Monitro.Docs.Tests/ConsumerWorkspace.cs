using System.Globalization;
using System.Security;
using System.Text;
using System.Xml.Linq;

namespace Monitro.Docs.Tests;

/// <summary>
/// A folder outside the repository with one fresh console project per snippet (as <c>dotnet new console</c>
/// makes it) referencing the packed Monitro packages from a local folder, and a solution that builds them all
/// in one restore and one build.
/// </summary>
internal sealed class ConsumerWorkspace
{
    private readonly string _root;
    private readonly string _monitroVersion;
    private readonly IReadOnlyDictionary<string, string> _otherVersions;

    private ConsumerWorkspace(string root, string monitroVersion, IReadOnlyDictionary<string, string> otherVersions)
    {
        _root = root;
        _monitroVersion = monitroVersion;
        _otherVersions = otherVersions;
    }

    /// <summary>Gets the solution listing every snippet's project.</summary>
    public string Solution => Path.Combine(_root, "Snippets.slnx");

    /// <summary>Creates the folder's NuGet configuration: Monitro packages only from the packed folder, the rest from nuget.org.</summary>
    /// <param name="root">The folder (outside the repository, so no Directory.Build.props of the repository applies).</param>
    /// <param name="packages">The folder with the packed Monitro packages.</param>
    /// <param name="monitroVersion">Their version.</param>
    public static ConsumerWorkspace Create(string root, string packages, string monitroVersion)
    {
        // A packages folder of its own, so a package packed earlier with the same version is never taken from a
        // cache; the user's packages folder serves the other packages without downloading them again.
        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var config = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(Path.Combine(root, ".packages"))}" />
              </config>
              <fallbackPackageFolders>
                <clear />
                <add key="user" value="{SecurityElement.Escape(userPackages)}" />
              </fallbackPackageFolders>
              <packageSources>
                <clear />
                <add key="packed" value="{SecurityElement.Escape(packages)}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="packed">
                  <package pattern="Monitro" />
                  <package pattern="Monitro.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """;
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "nuget.config"), config);
        return new ConsumerWorkspace(root, monitroVersion, ThirdPartyVersions());
    }

    /// <summary>Writes a snippet's project and returns its folder.</summary>
    /// <param name="snippet">The snippet.</param>
    public string Add(DocSnippet snippet)
    {
        var folder = Path.Combine(_root, snippet.ProjectName);
        Directory.CreateDirectory(folder);
        var references = new StringBuilder();
        foreach (var package in snippet.Packages)
        {
            references.Append(CultureInfo.InvariantCulture, $"    <PackageReference Include=\"{package}\" Version=\"{VersionOf(snippet, package)}\" />\n");
        }

        File.WriteAllText(Path.Combine(folder, snippet.ProjectName + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
            {references}  </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), snippet.Code);
        return folder;
    }

    /// <summary>Writes the solution listing the projects written so far.</summary>
    /// <param name="snippets">The snippets whose projects it lists.</param>
    public void WriteSolution(IEnumerable<DocSnippet> snippets)
    {
        var projects = string.Concat(snippets.Select(s => $"  <Project Path=\"{s.ProjectName}/{s.ProjectName}.csproj\" />\n"));
        File.WriteAllText(Solution, $"<Solution>\n{projects}</Solution>\n");
    }

    /// <summary>Gets the built program of a snippet.</summary>
    /// <param name="snippet">The snippet.</param>
    public string ProgramOf(DocSnippet snippet) => Path.Combine(_root, snippet.ProjectName, "bin", "Debug", "net10.0", snippet.ProjectName + ".dll");

    private string VersionOf(DocSnippet snippet, string package)
    {
        if (PackedPackages.Ids.Contains(package, StringComparer.Ordinal))
        {
            return _monitroVersion;
        }

        return _otherVersions.TryGetValue(package, out var version)
            ? version
            : throw new InvalidOperationException($"{snippet}: the marker names {package}, which is neither a Monitro package nor in Directory.Packages.props.");
    }

    // A snippet that needs Microsoft.Extensions.Hosting gets the version the repository itself builds with.
    private static Dictionary<string, string> ThirdPartyVersions() =>
        XDocument.Load(Repository.File("Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.Ordinal);
}
