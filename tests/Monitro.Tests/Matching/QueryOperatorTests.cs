using Monitro.Matching;
using static Monitro.Tests.Matching.TestPosts;

namespace Monitro.Tests.Matching;

public sealed class QueryOperatorTests
{
    [Theory]
    [InlineData("acme", "I love Acme!", true)]
    [InlineData("acme", "I love acmes", false)]
    [InlineData("acme", "hacmes are not it", false)]
    [InlineData("acme", "#AcmeCorp rocks", true)]
    [InlineData("acme", "ping @acme_support", true)]
    [InlineData("tidewell", "#tidewellrocks", true)]
    [InlineData("tidewell", "tidewellrocks", false)]
    [InlineData("ace", "#peacetime", false)]
    public void Word_MatchesWholeWordsAndHashtagParts(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    [Theory]
    [InlineData("\"acme corp\"", "news from Acme Corp today", true)]
    [InlineData("\"acme corp\"", "#AcmeCorp", true)]
    [InlineData("\"acme corp\"", "acme big corp", false)]
    [InlineData("\"acme corp\"", "corp acme", false)]
    [InlineData("acme-corp", "acme corp", true)]
    public void Phrase_MatchesConsecutiveWords(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    [Theory]
    [InlineData("acme corp", "corp then acme", true)]
    [InlineData("acme AND corp", "corp then acme", true)]
    [InlineData("acme AND corp", "only acme", false)]
    [InlineData("acme && corp", "corp acme", true)]
    public void And_NeedsBoth(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    [Theory]
    [InlineData("acme OR globex", "globex!", true)]
    [InlineData("acme OR globex", "initech", false)]
    [InlineData("acme || globex", "acme", true)]
    public void Or_NeedsEither(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    [Theory]
    [InlineData("acme -hiring", "acme is hiring", false)]
    [InlineData("acme -hiring", "acme rocks", true)]
    [InlineData("acme NOT hiring", "acme is hiring", false)]
    [InlineData("acme AND NOT hiring", "acme is hiring", false)]
    [InlineData("acme AND NOT hiring", "acme rocks", true)]
    public void Not_Excludes(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    [Theory]
    [InlineData("acme OR globex corp", "acme", true)]
    [InlineData("acme OR globex corp", "globex", false)]
    [InlineData("(acme OR globex) corp", "acme", false)]
    [InlineData("(acme OR globex) corp", "globex corp", true)]
    [InlineData("acme -hiring OR globex", "acme hiring", false)]
    [InlineData("acme -hiring OR globex", "globex hiring", true)]
    [InlineData("NOT NOT acme", "acme", true)]
    public void Precedence_NotBeforeAndBeforeOr(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    [Theory]
    [InlineData("acme NEAR/2 launch", "acme will launch", true)]
    [InlineData("acme NEAR/2 launch", "launch of the acme", true)]
    [InlineData("acme NEAR/2 launch", "acme is about to launch", false)]
    [InlineData("acme NEAR/3 launch", "acme is about to launch", true)]
    [InlineData("acme NEAR/0 launch", "acme launch", true)]
    [InlineData("acme NEAR/0 launch", "acme x launch", false)]
    [InlineData("acme NEAR/1 acme", "acme", false)]
    [InlineData("acme NEAR/1 acme", "acme acme", true)]
    [InlineData("(acme OR globex) NEAR/1 \"new phone\"", "globex has new phone", true)]
    public void Near_CountsWordsBetween(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    // A hashtag or handle covers the positions of its parts: the word after it is next to it, a part is inside it.
    [Fact]
    public void Near_HashtagOrHandleOperand_CoversThePositionsOfItsParts()
    {
        Assert.True(Matches("#AcmeCorp NEAR/0 launch", "#AcmeCorp launch"));
        Assert.True(Matches("launch NEAR/0 @acme_support", "@acme_support launch"));
        Assert.False(Matches("#AcmeCorp NEAR/0 corp", "#AcmeCorp"));
        Assert.True(Matches("#AcmeCorp NEAR/0 corp", "#AcmeCorp corp"));
    }

    [Theory]
    [InlineData("acme ONEAR/2 launch", "acme will launch", true)]
    [InlineData("acme ONEAR/2 launch", "launch of the acme", false)]
    public void OrderedNear_NeedsLeftFirst(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    [Theory]
    [InlineData("\"acme launch\"~2", "acme will soon launch", true)]
    [InlineData("\"acme launch\"~1", "acme will soon launch", false)]
    [InlineData("\"acme launch\"~2", "launch the acme", false)]
    [InlineData("\"acme big launch\"~1", "acme big new launch", true)]
    public void PhraseSlop_CountsWordsBetweenInOrder(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    // A phrase with slop offers an enclosing NEAR its minimal windows only: a window that contains a shorter one
    // (from the first タワー or launch to the second) does not count.
    [Fact]
    public void PhraseSlop_InsideNear_UsesMinimalWindows()
    {
        Assert.False(Matches("new NEAR/1 (\"กรุงเทพ タワー\"~3 OR is)", "กรุงเทพ タワー x タワー new"));
        Assert.True(Matches("new NEAR/1 (\"กรุงเทพ タワー\"~3 OR is)", "กรุงเทพ x タワー new"));
        Assert.False(Matches("\"acme launch\"~3 NEAR/0 phone", "acme launch big launch phone"));
        Assert.True(Matches("\"acme launch\"~3 NEAR/0 phone", "acme big launch phone"));
    }

    [Theory]
    [InlineData("acm*", "Acme rocks", true)]
    [InlineData("acm*", "ACMEs", true)]
    [InlineData("acm*", "hacme", false)]
    [InlineData("acm*", "#AcmeCorp", true)]
    public void Prefix_MatchesWordStarts(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    [Theory]
    [InlineData("colour~1", "what a color", true)]
    [InlineData("colour~1", "what a colr", false)]
    [InlineData("colour~2", "what a colr", true)]
    [InlineData("colour~1", "couleur", false)]
    public void Fuzzy_MatchesWithinEdits(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    [Fact]
    public void Fuzzy_MatchesWordsUpToTheLengthLimit()
    {
        var word = string.Concat(Enumerable.Repeat("tidewell", 3));
        Assert.Equal(FuzzyTerm.MaxLength, word.Length);
        Assert.True(Matches(word + "~1", "so " + word + "s"));
        Assert.True(Matches(word[..^1] + "~2", "so " + word + "s"));
        Assert.False(Matches(word + "~1", "so " + word + "ed"));
        Assert.Throws<QuerySyntaxException>(() => MonitroQuery.Validate(word + "s~1"));
    }

    [Theory]
    [InlineData("!\"NASA\"", "NASA launches", true)]
    [InlineData("!\"NASA\"", "nasa launches", false)]
    [InlineData("!\"NASA\"", "NASAL spray", false)]
    [InlineData("raw:\"Google+\"", "on Google+ today", true)]
    [InlineData("raw:\"Google+\"", "on Google today", false)]
    [InlineData("raw:C++", "I write C++ code", true)]
    public void Exact_IsCaseAndPunctuationSensitive(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    // A combining mark after the literal belongs to the word, so the literal is cut out of a longer (accented) word.
    [Fact]
    public void Exact_FollowedByACombiningMark_DoesNotMatch()
    {
        Assert.False(Matches("!\"cafe\"", "cafe\u0301 au lait"));
        Assert.False(Matches("!\"καφε\"", "καφε\u0301 σκέτος"));
        Assert.True(Matches("!\"café\"", "café au lait"));
    }

    [Theory]
    [InlineData("#acme", "love #Acme", true)]
    [InlineData("#acme", "love acme", false)]
    [InlineData("#acme", "love #AcmeCorp", false)]
    [InlineData("#AcmeCorp", "love #acmecorp", true)]
    [InlineData("@acme", "hi @Acme", true)]
    [InlineData("@acme", "hi acme", false)]
    [InlineData("$ACME", "buy $acme", true)]
    [InlineData("$ACME", "buy acme", false)]
    public void Entities_MatchTheEntityNotTheWord(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));

    [Fact]
    public void Author_MatchesHandleOrLocalPart()
    {
        Assert.True(Matches("author:jane acme", Create("acme", author: "jane@example.social")));
        Assert.True(Matches("author:@Jane@Example.Social", Create("x", author: "jane@example.social")));
        Assert.False(Matches("author:john", Create("acme", author: "jane@example.social")));
    }

    [Fact]
    public void Site_MatchesDomainAndSubdomainsOfLinks()
    {
        Assert.True(Matches("site:acme.com", "read https://blog.acme.com/x"));
        Assert.True(Matches("site:acme.com", "read https://acme.com"));
        Assert.False(Matches("site:acme.com", "read https://notacme.com"));
        Assert.False(Matches("site:blog.acme.com", "read https://shop.acme.com"));
        Assert.True(Matches("site:acme.co.uk", Create("no link in text", links: ["https://WWW.Acme.co.uk/p"])));
        Assert.True(Matches("site:example.org", Create("text", url: "https://news.example.org/a/1")));
    }

    [Fact]
    public void Url_MatchesHostAndPathPrefix()
    {
        Assert.True(Matches("url:acme.com/blog", "see http://www.acme.com/blog/post-1"));
        Assert.False(Matches("url:acme.com/blog", "see http://acme.com/shop"));
        Assert.False(Matches("url:acme.com/blog", "see http://shop.acme.com/blog"));
    }

    [Fact]
    public void Lang_MatchesTagOrPrimarySubtag()
    {
        Assert.True(Matches("acme lang:en", Create("acme", language: "en-GB")));
        Assert.False(Matches("acme lang:en", Create("acme", language: "de")));
        Assert.False(Matches("acme lang:en", Create("acme", language: null)));
    }

    [Fact]
    public void Source_MatchesPlatform()
    {
        Assert.True(Matches("acme source:bluesky", Create("acme", source: "bluesky")));
        Assert.False(Matches("acme source:bluesky", Create("acme", source: "mastodon")));
    }

    [Fact]
    public void IsReplyAndIsRepost_MatchPostFlags()
    {
        Assert.True(Matches("acme is:reply", Create("acme", replyTo: "mastodon:1")));
        Assert.False(Matches("acme is:reply", Create("acme")));
        Assert.True(Matches("acme -is:repost", Create("acme")));
        Assert.False(Matches("acme -is:repost", Create("acme", repost: true)));
    }

    [Theory]
    [InlineData("(😃 OR 😡) acme", "acme 😡", true)]
    [InlineData("(😃 OR 😡) acme", "acme 🙂", false)]
    [InlineData("👍", "acme 👍🏽", true)]
    [InlineData("👍🏽", "acme 👍🏽", true)]
    [InlineData("👍🏽", "acme 👍🏿", false)]
    [InlineData("👍🏽", "acme 👍", false)]
    [InlineData("❤️", "acme ❤", true)]
    [InlineData("❤", "acme ❤️", true)]
    public void Emoji_SkinTonesAndVs16IgnoredUnlessInRule(string query, string text, bool expected) =>
        Assert.Equal(expected, Matches(query, text));
}
