namespace Monitro.Storage.Shared;

/// <summary>A mention as kept in its row: everything but the post, which has its own row and is joined back when read.</summary>
internal sealed record StoredMention
{
    public required Watch Watch { get; init; }

    public IReadOnlyList<MatchSpan> Spans { get; init; } = [];

    public MentionSignals? Signals { get; init; }

    public static StoredMention From(Mention mention) => new() { Watch = mention.Watch, Spans = mention.Spans, Signals = mention.Signals };

    public Mention ToMention(Post post) => new() { Post = post, Watch = Watch, Spans = Spans, Signals = Signals };
}
