namespace Monitro.Tests.Matching;

public sealed class QueryErrorTests
{
    [Theory]
    [InlineData("(acme OR globex", "expected ')'", 15)]
    [InlineData("acme OR globex)", "unexpected ')' without '('", 14)]
    [InlineData("acme OR", "expected a term", 7)]
    [InlineData("acme AND", "expected a term", 8)]
    [InlineData("OR acme", "expected a term before 'OR'", 0)]
    [InlineData("()", "empty group: expected a term after '('", 1)]
    [InlineData("\"acme corp", "expected '\"' to close the phrase", 10)]
    [InlineData("\"  \"", "empty phrase", 0)]
    [InlineData("ac*", "a wildcard needs at least 3 letters before '*'", 0)]
    [InlineData("x ac*", "a wildcard needs at least 3 letters before '*'", 2)]
    [InlineData("a*me", "a wildcard '*' is only allowed at the end of a word", 1)]
    [InlineData("acme~1", "a fuzzy term needs a word of at least 5 letters", 0)]
    [InlineData("colour~3", "the edit distance of a fuzzy term must be 1 or 2", 7)]
    [InlineData("colour~x", "expected 1 or 2 after '~'", 7)]
    [InlineData("acme NEAR/x corp", "expected a number after 'NEAR/'", 10)]
    [InlineData("acme NEAR corp", "expected '/n' after 'NEAR' (for example NEAR/3)", 9)]
    [InlineData("acme NEAR/3 lang:en", "NEAR needs words, phrases, entities or groups of them joined by OR on both sides", 12)]
    [InlineData("(a -b) NEAR/3 corp", "NEAR needs words, phrases, entities or groups of them joined by OR on both sides", 1)]
    [InlineData("\"acme corp\"~x", "expected a number after '~'", 12)]
    [InlineData("-hiring", "the query only excludes; add a term to look for", 0)]
    [InlineData("NOT acme AND NOT corp", "the query only excludes; add a term to look for", 0)]
    [InlineData("acme - corp", "expected a term after '-'", 6)]
    [InlineData("is:draft acme", "expected 'reply' or 'repost' after 'is:'", 3)]
    [InlineData("site: acme", "expected a value after 'site:'", 5)]
    [InlineData("site:acme", "expected a domain such as acme.com after 'site:'", 5)]
    [InlineData("site:co.uk", "'co.uk' is a public suffix; name a domain under it, such as acme.co.uk", 5)]
    [InlineData("url:nowhere", "expected an address such as acme.com/blog after 'url:'", 4)]
    [InlineData("#123", "'#123' is not a valid hashtag", 0)]
    [InlineData("$TOOLONGX", "'$TOOLONGX' is not a valid cashtag", 0)]
    [InlineData("...", "expected a term with letters, digits or emoji", 0)]
    [InlineData("", "the query is empty", 0)]
    [InlineData("   ", "the query is empty", 0)]
    public void Validate_InvalidQuery_NamesReasonAndPosition(string query, string reason, int position)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => MonitroQuery.Validate(query));
        Assert.Equal(reason, error.Reason);
        Assert.Equal(position, error.Position);
        Assert.Equal(query, error.Query);
        Assert.EndsWith($" at {position}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lang:en")]
    [InlineData("source:mastodon is:reply")]
    [InlineData("acme OR lang:en")]
    [InlineData("acme OR -spam")]
    public void Validate_NoIndexableTerm_IsRefused(string query)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => MonitroQuery.Validate(query));
        Assert.StartsWith("every alternative of the query needs", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooDeeplyNested_IsRefused()
    {
        var query = new string('(', 100) + "acme" + new string(')', 100);
        var error = Assert.Throws<QuerySyntaxException>(() => MonitroQuery.Validate(query));
        Assert.Contains("nested", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooLong_IsRefused()
    {
        var query = string.Join(" OR ", Enumerable.Repeat("acme", 3000));
        Assert.Throws<QuerySyntaxException>(() => MonitroQuery.Validate(query));
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("acme OR \"acme corp\" -hiring")]
    [InlineData("(acme OR globex) NEAR/3 (launch OR release) -is:repost lang:en")]
    [InlineData("#acme OR @acme OR $ACME OR 😃")]
    [InlineData("author:jane OR site:acme.com OR url:acme.com/blog")]
    [InlineData("raw:\"Google+\" OR !\"NASA\"")]
    [InlineData("colour~1 OR acm* OR \"a b\"~3")]
    [InlineData("NEARBY stores")]
    [InlineData("NOT NOT acme")]
    public void Validate_ValidQuery_DoesNotThrow(string query) => MonitroQuery.Validate(query);

    [Fact]
    public void Validate_Null_Throws() => Assert.Throws<ArgumentNullException>(() => MonitroQuery.Validate(null!));

    [Fact]
    public void AddWatch_InvalidQuery_ThrowsWithWatchName()
    {
        var matcher = new MentionMatcher();
        var error = Assert.Throws<QuerySyntaxException>(() => matcher.AddWatch(new Watch { Name = "brand", Query = "(acme" }));
        Assert.Equal("brand", error.WatchName);
        Assert.Equal(5, error.Position);
        Assert.Empty(matcher.Watches);
    }
}
