using System.Text.Json;
using static Monitro.Tests.Matching.TestPosts;

namespace Monitro.Tests.Matching;

public sealed class JoinedTermTests
{
    [Theory]
    [InlineData("c#", "I write C# every day", true)]
    [InlineData("c#", "Vitamin C is good", false)]
    [InlineData("c#", "plan c: give up", false)]
    [InlineData("\"c#\"", "I write C# every day", true)]
    [InlineData("\"c#\"", "Vitamin C is good", false)]
    [InlineData("f#", "F# for data", true)]
    [InlineData("f#", "grade f, sadly", false)]
    [InlineData("c++", "modern C++ is fine", true)]
    [InlineData("c++", "C is fine", false)]
    [InlineData("c++", "C# is fine", false)]
    [InlineData(".net", ".NET 10 is out", true)]
    [InlineData(".net", "(.NET) runs here", true)]
    [InlineData(".net", "our safety net caught it", false)]
    [InlineData(".net", "net income rose 5%", false)]
    [InlineData("asp.net", "ASP.NET Core apps", true)]
    [InlineData("asp.net", "asp and net", false)]
    [InlineData("node.js", "we moved to Node.js", true)]
    [InlineData("node.js", "a node in the graph", false)]
    [InlineData("\"node.js\"", "we moved to Node.js", true)]
    public void JoinedTerm_MatchesThatTokenOnly(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    [Theory]
    [InlineData("net", ".NET 10 is out")]
    [InlineData("node", "we moved to Node.js")]
    [InlineData("c", "I write C# every day")]
    public void BareWord_StillMatchesInsideAJoinedTerm(string query, string text) =>
        Assert.True(Matches(query, text));

    [Fact]
    public void JoinedTerm_CountsItsWordsForNear() =>
        Assert.True(Matches("asp.net NEAR/0 developer", "ASP.NET developer wanted"));

    [Theory]
    [InlineData("our safety net caught it", false)]
    [InlineData("net income rose 5%", false)]
    [InlineData("Vitamin C is good", false)]
    [InlineData(".NET 10 is out", true)]
    [InlineData("Learning C# today", true)]
    [InlineData("ASP.NET Core minimal APIs", true)]
    [InlineData("#dotnet conf", true)]
    public void WorkerSampleWatch_MatchesTheLanguageNotTheWords(string text, bool expected)
    {
        var query = WorkerSampleQuery(".NET");
        Assert.Equal(expected, Matches(query, text));
    }

    private static string WorkerSampleQuery(string watchName)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Monitro.sln")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.FullName, "samples", "Monitro.Samples.Worker", "appsettings.json")));
        return settings.RootElement.GetProperty("Monitro").GetProperty("Watches").EnumerateArray()
            .Single(w => w.GetProperty("Name").GetString() == watchName).GetProperty("Query").GetString()!;
    }
}
