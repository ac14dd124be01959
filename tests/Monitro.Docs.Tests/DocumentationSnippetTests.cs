namespace Monitro.Docs.Tests;

/// <summary>Every C# snippet in the README and docs says what it is, and the packaged README's links work on a package page.</summary>
public sealed class DocumentationSnippetTests
{
    [Fact]
    public void Every_CSharp_snippet_is_marked_as_a_program_to_compile_or_run_or_as_a_fragment()
    {
        var snippets = Repository.Documents().SelectMany(MarkdownSnippets.Read).ToList();

        var unmarked = snippets.Where(s => s.Kind == SnippetKind.Unmarked).Select(s => s.ToString()).ToList();
        Assert.True(unmarked.Count == 0,
            "These C# snippets have no marker on the line before their fence; add <!-- snippet: compile Package … -->, " +
            "<!-- snippet: run Package … --> or <!-- snippet: fragment (why) -->:\n" + string.Join('\n', unmarked));
        Assert.All(snippets.Where(s => s.Kind is SnippetKind.Compile or SnippetKind.Run), s => Assert.Contains("Monitro", s.Packages.Select(p => p.Split('.')[0])));
        Assert.Contains(snippets, s => s.Kind == SnippetKind.Run && s.Document == "README.md");
    }

    [Fact]
    public void The_packaged_readme_links_only_to_absolute_addresses()
    {
        var text = File.ReadAllText(Repository.File(Repository.PackageReadme));
        var relative = System.Text.RegularExpressions.Regex.Matches(text, @"\]\((?<target>[^)\s]+)\)")
            .Select(m => m.Groups["target"].Value)
            .Where(target => !target.StartsWith("https://", StringComparison.Ordinal))
            .ToList();
        Assert.True(relative.Count == 0, "A package page cannot follow these links: " + string.Join(", ", relative));
    }
}
