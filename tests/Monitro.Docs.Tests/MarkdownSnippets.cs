using System.Text.RegularExpressions;

namespace Monitro.Docs.Tests;

/// <summary>
/// Reads the C# code blocks of a Markdown document and the marker on the line before each: an HTML comment
/// (invisible when rendered) such as <c>&lt;!-- snippet: compile Monitro Monitro.Storage.Sqlite --&gt;</c>.
/// </summary>
internal static partial class MarkdownSnippets
{
    /// <summary>Reads the C# snippets of a document.</summary>
    /// <param name="path">The document's full path.</param>
    public static IReadOnlyList<DocSnippet> Read(string path)
    {
        var relative = Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');
        var lines = File.ReadAllLines(path);
        var snippets = new List<DocSnippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!IsCSharpFence(lines[i]))
            {
                continue;
            }

            var start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
            {
                code.Add(lines[i]);
            }

            var (kind, packages) = start > 0 ? ParseMarker(lines[start - 1]) : (SnippetKind.Unmarked, []);
            snippets.Add(new DocSnippet(relative, start + 1, kind, packages, string.Join('\n', code) + "\n"));
        }

        return snippets;
    }

    private static bool IsCSharpFence(string line)
    {
        var trimmed = line.Trim();
        return trimmed is "```csharp" or "```cs" or "```c#";
    }

    private static (SnippetKind Kind, IReadOnlyList<string> Packages) ParseMarker(string line)
    {
        var match = Marker().Match(line);
        if (!match.Success)
        {
            return (SnippetKind.Unmarked, []);
        }

        var words = match.Groups["body"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words[0].TrimEnd(':') switch
        {
            "compile" => (SnippetKind.Compile, words[1..]),
            "run" => (SnippetKind.Run, words[1..]),
            "fragment" when words.Length > 1 => (SnippetKind.Fragment, []),
            _ => (SnippetKind.Unmarked, []),
        };
    }

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(?<body>.+?)\s*-->\s*$")]
    private static partial Regex Marker();
}
