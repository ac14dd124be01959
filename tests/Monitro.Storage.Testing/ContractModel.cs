namespace Monitro.Storage.Testing;

/// <summary>Builds the model objects of the contract tests with plain defaults.</summary>
public static class ContractModel
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly Watch Brand = new() { Name = "acme-brand", Category = WatchCategory.Brand, Query = "acme" };

    public static readonly Watch Rival = new() { Name = "rival", Category = WatchCategory.Competitor, Query = "globex" };

    public static Author Author(string handle, string? displayName = null) =>
        new() { Platform = "mastodon", Handle = handle, DisplayName = displayName ?? handle, Followers = 10 };

    public static Post Post(string nativeId, string handle, string text = "I love acme", int minute = 0, string? replyToId = null) => new()
    {
        Id = Monitro.Post.CreateId("mastodon", nativeId),
        Source = "mastodon",
        Author = Author(handle),
        Text = text,
        CreatedAt = Epoch.AddMinutes(minute),
        Language = "en",
        Url = new Uri($"https://example.social/@{handle}/{nativeId}"),
        ReplyToId = replyToId,
    };

    public static Mention Mention(Post post, Watch? watch = null) => new()
    {
        Post = post,
        Watch = watch ?? Brand,
        Spans = [new MatchSpan(0, Math.Min(4, post.Text.Length))],
        Signals = new MentionSignals
        {
            Sentiment = new SentimentScore(0.6, SentimentLabel.Positive, 0.9),
            Intents = [new IntentHit(IntentLabel.Praise, "love", 0.8)],
        },
    };

    public static Interaction Inbound(Post post) => new()
    {
        Id = Interaction.CreateId(post.Id, post.Author.IdentityKey),
        PersonId = post.Author.IdentityKey,
        PostId = post.Id,
        Kind = InteractionKind.Mention,
        Direction = InteractionDirection.Inbound,
        OccurredAt = post.CreatedAt,
        Sentiment = 0.6,
        Watches = [Brand.Name],
    };

    public static Interaction Outbound(Post reply, string personId) => new()
    {
        Id = Interaction.CreateId(reply.Id, personId),
        PersonId = personId,
        PostId = reply.Id,
        Kind = InteractionKind.Reply,
        Direction = InteractionDirection.Outbound,
        OccurredAt = reply.CreatedAt,
        InReplyToPostId = reply.ReplyToId,
    };

    /// <summary>A batch in which each post is a mention of <see cref="Brand"/> with its interaction and alert.</summary>
    public static BatchCommit Batch(string checkpoint, params Post[] posts)
    {
        var mentions = posts.Select(p => Mention(p)).ToArray();
        return new BatchCommit
        {
            SourceName = "replay",
            Posts = posts,
            Mentions = mentions,
            Interactions = posts.Select(Inbound).ToArray(),
            Alerts = mentions.Select(m => Alert.ForMention(m, m.Post.CreatedAt)).ToArray(),
            Checkpoint = new SourceCheckpoint("replay", checkpoint),
        };
    }

    /// <summary>An open complaint in the inbox about <paramref name="post"/>, due an hour after it.</summary>
    public static InboxItem Complaint(Post post) => new()
    {
        Id = post.Id,
        PersonId = post.Author.IdentityKey,
        Source = post.Source,
        ThreadId = InboxItem.ThreadOf(post),
        Kind = InboxItemKind.Complaint,
        CreatedAt = post.CreatedAt,
        DueAt = post.CreatedAt.AddHours(1),
    };

    public static RelationshipSnapshot Snapshot(string handle, double bond, int day = 0) => new()
    {
        PersonId = Monitro.Author.CreateIdentityKey("mastodon", handle),
        Person = Author(handle),
        AsOf = Epoch.AddDays(day),
        Bond = bond,
        Band = bond >= 70 ? "strong" : "warm",
        Inbound = 3,
        Outbound = 1,
        OpenItems = 0,
        FirstContactAt = Epoch,
        LastContactAt = Epoch.AddDays(day),
        Reason = "three mentions, one reply",
    };
}
