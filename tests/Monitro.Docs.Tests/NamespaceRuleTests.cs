using System.Text.RegularExpressions;

namespace Monitro.Docs.Tests;

/// <summary>
/// Checks the namespace rule stated in the README's "Repository layout": a file that declares a public type is in its
/// package's namespace (public extension classes in <c>Monitro</c>, beside the builder they extend);
/// every other file is in its package's namespace followed by its folders.
/// </summary>
public sealed partial class NamespaceRuleTests
{
    private static readonly Dictionary<string, string> PackageNamespaces = new(StringComparer.Ordinal)
    {
        ["Monitro"] = "Monitro",
        ["Monitro.Abstractions"] = "Monitro",
        ["Monitro.Sources"] = "Monitro.Sources",
        ["Monitro.Storage.Sqlite"] = "Monitro.Storage.Sqlite",
        ["Monitro.Storage.PostgreSql"] = "Monitro.Storage.PostgreSql",
        ["Monitro.Orleans"] = "Monitro.Orleans",
        ["Monitro.Orleans.PostgreSql"] = "Monitro.Orleans.PostgreSql",
        ["Monitro.Dashboard"] = "Monitro.Dashboard",
    };

    [Fact]
    public void EverySourceFile_IsInTheNamespaceTheRuleGivesIt()
    {
        var source = Repository.File("src");
        var wrong = new List<string>();
        var checkedFiles = 0;
        foreach (var path in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, path).Replace('\\', '/');
            var parts = relative.Split('/');
            if (parts[1] is "obj" or "bin" || !PackageNamespaces.TryGetValue(parts[0], out var package))
            {
                // src/Shared holds files compiled into both store packages: Monitro.Storage.Shared, stated in its README.
                continue;
            }

            var text = File.ReadAllText(path);
            var declared = FileNamespace().Match(text);
            Assert.True(declared.Success, $"{relative} has no file-scoped namespace.");
            var expected = Expected(package, parts, PublicType().IsMatch(text));
            checkedFiles++;
            if (declared.Groups[1].Value != expected)
            {
                wrong.Add($"{relative}: namespace {declared.Groups[1].Value}, the rule gives {expected}");
            }
        }

        Assert.True(checkedFiles > 100, $"Only {checkedFiles} source files were found under {source}.");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static string Expected(string package, string[] parts, bool declaresPublicType)
    {
        var fileName = parts[^1];
        if (declaresPublicType)
        {
            return fileName.EndsWith("Extensions.cs", StringComparison.Ordinal) ? "Monitro" : package;
        }

        // Monitro.Abstractions is all public vocabulary; its folders only group files for reading.
        return parts[0] == "Monitro.Abstractions" ? package : string.Join('.', [package, .. parts[1..^1]]);
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^public (?:(?:sealed|static|abstract|readonly|partial|record)\s+)*(?:class|record|interface|struct|enum|delegate)\b", RegexOptions.Multiline)]
    private static partial Regex PublicType();
}
