using System.Text.Json;
using Monitro.Testing;

namespace Monitro.Abstractions.Tests;

public sealed class ModelJsonTests
{
    [Fact]
    public void Post_RoundTripsThroughJsonWithEveryField()
    {
        var post = TestPosts.Create("42", "Loving #AcmeCorp", replyToId: "mastodon:41", mentions: ["acme@mastodon.social"]) with
        {
            Url = new Uri("https://mastodon.social/@jane/42"),
            ThreadId = "mastodon:40",
            IsRepost = true,
            Entities = new PostEntities { Hashtags = ["AcmeCorp"], Mentions = ["acme@mastodon.social"], Cashtags = ["ACME"], Links = ["https://acme.example/"] },
        };

        var json = JsonSerializer.Serialize(post, MonitroJsonContext.Default.Post);
        var copy = JsonSerializer.Deserialize(json, MonitroJsonContext.Default.Post)!;

        Assert.Equal(post.Id, copy.Id);
        Assert.Equal(post.Author, copy.Author);
        Assert.Equal(post.CreatedAt, copy.CreatedAt);
        Assert.Equal(post.Url, copy.Url);
        Assert.Equal(post.ReplyToId, copy.ReplyToId);
        Assert.Equal(post.ThreadId, copy.ThreadId);
        Assert.True(copy.IsRepost);
        Assert.Equal(post.Entities.Hashtags, copy.Entities.Hashtags);
        Assert.Equal(post.Entities.Cashtags, copy.Entities.Cashtags);
        Assert.Equal(post.Entities.Links, copy.Entities.Links);
        Assert.Contains("\"createdAt\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Alert_WithMentionAndSignals_RoundTripsThroughJson()
    {
        var mention = new Mention
        {
            Post = TestPosts.Create("1", "acme is down again"),
            Watch = new Watch { Name = "acme", Category = WatchCategory.Brand, Query = "acme" },
            Spans = [new MatchSpan(0, 4)],
            Signals = new MentionSignals
            {
                Sentiment = new SentimentScore(-0.6, SentimentLabel.Negative, 0.9),
                Intents = [new IntentHit(IntentLabel.Complaint, "down again", 0.8)],
                NeedsResponse = true,
            },
        };
        var alert = Alert.ForMention(mention, TestPosts.Epoch);

        var json = JsonSerializer.Serialize(alert, MonitroJsonContext.Default.Alert);
        var copy = JsonSerializer.Deserialize(json, MonitroJsonContext.Default.Alert)!;

        Assert.Equal("acme|mastodon:1", copy.IdempotencyKey);
        Assert.Equal(mention.Id, copy.Mention!.Id);
        Assert.Equal(WatchCategory.Brand, copy.Mention.Watch.Category);
        Assert.Equal(new MatchSpan(0, 4), Assert.Single(copy.Mention.Spans));
        Assert.Equal(IntentLabel.Complaint, Assert.Single(copy.Mention.Signals!.Intents).Label);
        Assert.Contains("\"Brand\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Post_MissingRequiredField_FailsToDeserialize()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"id\":\"x:1\",\"source\":\"x\"}", MonitroJsonContext.Default.Post));
    }

    [Theory]
    [InlineData("mastodon", "1", "mastodon:1")]
    [InlineData("bluesky", "at://did:plc:abc/app.bsky.feed.post/3k", "bluesky:at://did:plc:abc/app.bsky.feed.post/3k")]
    public void CreateId_JoinsSourceAndNativeId(string source, string nativeId, string expected) =>
        Assert.Equal(expected, Post.CreateId(source, nativeId));

    [Fact]
    public void CreateId_EmptyPart_Throws()
    {
        Assert.Throws<ArgumentException>(() => Post.CreateId("", "1"));
        Assert.Throws<ArgumentException>(() => Post.CreateId("x", ""));
    }

    [Fact]
    public void IdentityKey_IsLowerCaseWithoutAt()
    {
        var author = new Author { Platform = "Mastodon", Handle = "@Jane@Example.Social" };

        Assert.Equal("mastodon:jane@example.social", author.IdentityKey);
    }

    [Fact]
    public void QuerySyntaxException_MessageNamesReasonAndPosition()
    {
        var error = new QuerySyntaxException("expected ')'", "(a OR b", 7);

        Assert.Equal("expected ')' at 7", error.Message);
        Assert.Equal(7, error.Position);
        Assert.Equal("expected ')'", error.Reason);
    }
}
