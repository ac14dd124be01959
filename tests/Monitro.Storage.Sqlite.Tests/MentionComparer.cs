namespace Monitro.Storage.Sqlite.Tests;

/// <summary>Compares mentions by value, lists included (records compare lists by reference).</summary>
internal sealed class MentionComparer : IEqualityComparer<Mention>
{
    public static readonly MentionComparer Instance = new();

    public bool Equals(Mention? x, Mention? y) =>
        x is not null && y is not null
        && x.Id == y.Id
        && x.Watch == y.Watch
        && x.Post.Text == y.Post.Text
        && x.Post.Author == y.Post.Author
        && x.Post.CreatedAt == y.Post.CreatedAt
        && x.Post.Url == y.Post.Url
        && x.Spans.SequenceEqual(y.Spans)
        && x.Signals?.Sentiment == y.Signals?.Sentiment
        && (x.Signals?.Intents ?? []).SequenceEqual(y.Signals?.Intents ?? []);

    public int GetHashCode(Mention obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
}
