
namespace Monitro.Tests.Preview;

public sealed class WatchPreviewExplainTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Explain_AndWithAMissingWord_NamesTheFailingClause()
    {
        var why = WatchPreview.Explain("acme AND launch", PostWith("Acme ships today"));

        Assert.False(why.Matched);
        Assert.Equal(ClauseKind.And, why.Kind);
        Assert.Equal("acme AND launch", why.Clause);
        Assert.Equal([("acme", true, "Acme"), ("launch", false, null)], why.Children.Select(c => (c.Clause, c.Matched, c.Found.SingleOrDefault())));
        Assert.Equal([new MatchSpan(0, 4)], why.Children[0].Spans);
    }

    [Fact]
    public void Explain_Or_MatchesThroughTheAlternativeFound()
    {
        var why = WatchPreview.Explain("globex OR acme", PostWith("I love Acme"));

        Assert.True(why.Matched);
        Assert.Equal(ClauseKind.Or, why.Kind);
        Assert.Equal([("globex", false), ("acme", true)], why.Children.Select(c => (c.Clause, c.Matched)));
        Assert.Equal(["Acme"], why.Children[1].Found);
    }

    [Fact]
    public void Explain_ExcludedWordFound_NotFailsAndShowsWhatItFound()
    {
        var why = WatchPreview.Explain("acme -hiring", PostWith("acme is hiring"));

        Assert.False(why.Matched);
        var not = why.Children[1];
        Assert.Equal((ClauseKind.Not, "NOT hiring", false), (not.Kind, not.Clause, not.Matched));
        var excluded = Assert.Single(not.Children);
        Assert.True(excluded.Matched);
        Assert.Equal([new MatchSpan(8, 6)], excluded.Spans);
        Assert.Empty(not.Spans);
    }

    [Fact]
    public void Explain_NearTooFarApart_BothOperandsFoundButNearFails()
    {
        var miss = WatchPreview.Explain("acme NEAR/1 launch", PostWith("acme will finally launch"));
        var hit = WatchPreview.Explain("acme NEAR/2 launch", PostWith("acme will finally launch"));

        Assert.Equal((ClauseKind.Near, "acme NEAR/1 launch", false), (miss.Kind, miss.Clause, miss.Matched));
        Assert.All(miss.Children, c => Assert.True(c.Matched));
        Assert.Equal(["acme", "launch"], miss.Children.SelectMany(c => c.Found));
        Assert.Empty(miss.Spans);
        Assert.True(hit.Matched);
        Assert.Equal(["acme will finally launch"], hit.Found);
    }

    [Fact]
    public void Explain_Phrase_MatchesOnlyAdjacentWords()
    {
        var miss = WatchPreview.Explain("\"new phone\"", PostWith("a new red phone"));
        var hit = WatchPreview.Explain("\"new phone\"", PostWith("the New Phone is out"));

        Assert.Equal((ClauseKind.Phrase, "\"new phone\"", false), (miss.Kind, miss.Clause, miss.Matched));
        Assert.Empty(miss.Found);
        Assert.True(hit.Matched);
        Assert.Equal(["New Phone"], hit.Found);
    }

    [Fact]
    public void Explain_Filter_SaysWhetherItHolds()
    {
        var why = WatchPreview.Explain("acme lang:de", PostWith("acme news"));

        Assert.False(why.Matched);
        Assert.Equal((ClauseKind.Filter, "lang:de", false), (why.Children[1].Kind, why.Children[1].Clause, why.Children[1].Matched));
    }

    [Fact]
    public void Explain_InvalidQuery_ThrowsQuerySyntaxException()
    {
        Assert.Throws<QuerySyntaxException>(() => WatchPreview.Explain("acme AND (", PostWith("acme")));
    }

    private static Post PostWith(string text) => new()
    {
        Id = "mastodon:1",
        Source = "mastodon",
        Author = new Author { Platform = "mastodon", Handle = "jane" },
        Text = text,
        CreatedAt = At,
        Language = "en",
    };
}
