using Monitro.Testing;
using Xunit.Abstractions;

namespace Monitro.Docs.Tests;

/// <summary>
/// Every C# snippet in the README and docs works as written: each whole program compiles in a fresh consumer
/// project against the packed packages, the host-less one runs on the quick start's bundled data, and a
/// snippet that is a fragment by design says so in its marker.
/// </summary>
public sealed class DocumentationSnippetTests(ITestOutputHelper output)
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
    public async Task Every_program_snippet_compiles_against_the_packed_packages_and_the_hostless_one_runs_on_the_bundled_data()
    {
        var snippets = Repository.Documents().SelectMany(MarkdownSnippets.Read)
            .Where(s => s.Kind is SnippetKind.Compile or SnippetKind.Run)
            .ToList();
        using var scratch = new TempDirectory();
        var (packages, version) = await PackedPackages.GetAsync(scratch.Path);
        output.WriteLine($"Monitro {version} from {packages}; {snippets.Count} snippets");
        var workspace = ConsumerWorkspace.Create(Path.Combine(scratch.Path, "consumer"), packages, version);
        foreach (var snippet in snippets)
        {
            workspace.Add(snippet);
        }

        workspace.WriteSolution(snippets);
        var (buildExit, buildOutput) = await DotnetCli.RunAsync(scratch.Path, TimeSpan.FromMinutes(8), "build", workspace.Solution, "-nodeReuse:false");
        Assert.True(buildExit == 0, $"A documentation snippet does not compile (each project is named after its document and line):\n{buildOutput}");

        foreach (var snippet in snippets.Where(s => s.Kind == SnippetKind.Run))
        {
            var data = Path.Combine(scratch.Path, "run-" + snippet.ProjectName);
            Directory.CreateDirectory(data);
            File.Copy(Repository.File("samples/Monitro.Samples.QuickStart/Data/posts.jsonl"), Path.Combine(data, "posts.jsonl"));
            var (runExit, runOutput) = await DotnetCli.RunAsync(data, TimeSpan.FromMinutes(3), workspace.ProgramOf(snippet));
            output.WriteLine($"{snippet}: exit {runExit}, {runOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length} lines");
            Assert.True(runExit == 0, $"{snippet} failed on the bundled data:\n{runOutput}");
            Assert.False(string.IsNullOrWhiteSpace(runOutput), $"{snippet} printed nothing on the bundled data.");
        }
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
