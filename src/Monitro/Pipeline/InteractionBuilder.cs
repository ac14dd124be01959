using System.Runtime.CompilerServices;

namespace Monitro.Pipeline;

/// <summary>
/// Turns posts into interactions with people: an inbound interaction when a person talks about us or to us,
/// an outbound one when one of our accounts answers a person.
/// </summary>
internal sealed class InteractionBuilder
{
    private readonly OwnAccounts _ownAccounts;

    // Who wrote recent posts, so that an answer from our account can be attributed to the person it answers.
    private readonly RecentItems<Author> _authorsByPostId;

    public InteractionBuilder(OwnAccounts ownAccounts, int memory)
    {
        _ownAccounts = ownAccounts;
        _authorsByPostId = new RecentItems<Author>(memory);
    }

    /// <summary>Whether a post belongs to a conversation with us even when it matched no watch.</summary>
    public bool IsConversationWithUs(Post post) =>
        _ownAccounts.IsOwn(post.Author)
        || (post.ReplyToId is not null && _authorsByPostId.TryGetValue(post.ReplyToId, out var parent) && _ownAccounts.IsOwn(parent))
        || _ownAccounts.IsAddressedToUs(post);

    /// <summary>Builds the interaction a post represents, or <see langword="null"/> when it is none.</summary>
    /// <param name="post">The post.</param>
    /// <param name="mentions">The mentions the post produced.</param>
    /// <param name="signals">The post's signals, when read.</param>
    /// <param name="person">The person the interaction is with.</param>
    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Interaction? Build(Post post, IReadOnlyList<Mention> mentions, MentionSignals? signals, out Author? person)
    {
        person = null;
        if (_ownAccounts.IsOwn(post.Author))
        {
            if (post.ReplyToId is null || !_authorsByPostId.TryGetValue(post.ReplyToId, out var answered) || _ownAccounts.IsOwn(answered))
            {
                return null;
            }

            person = answered;
            return Create(post, answered, InteractionKind.Reply, InteractionDirection.Outbound, mentions, signals: null);
        }

        if (mentions.Count == 0 && !IsConversationWithUs(post))
        {
            return null;
        }

        person = post.Author;
        var kind = post.IsRepost ? InteractionKind.Share
            : post.ReplyToId is not null ? InteractionKind.Reply
            : InteractionKind.Mention;
        return Create(post, post.Author, kind, InteractionDirection.Inbound, mentions, signals);
    }

    /// <summary>Remembers who wrote a post that was kept, so later answers to it can be attributed.</summary>
    public void Remember(Post post) => _authorsByPostId.Set(post.Id, post.Author);

    /// <summary>Whether the author of a post is remembered.</summary>
    public bool Remembers(string postId) => _authorsByPostId.TryGetValue(postId, out _);

    /// <summary>Remembers who wrote a post read before this builder started (as a store kept it), so an answer to it can be attributed.</summary>
    public void Remember(string postId, Author author) => _authorsByPostId.Set(postId, author);

    // Per matched post: compiled optimized at once (a one-core host runs it unoptimized for most of a stream).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Interaction Create(Post post, Author person, InteractionKind kind, InteractionDirection direction, IReadOnlyList<Mention> mentions, MentionSignals? signals)
    {
        var personId = person.IdentityKey;
        var watches = mentions.Count == 0 ? [] : new string[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            watches[i] = mentions[i].Watch.Name;
        }

        return new Interaction
        {
            Id = Interaction.CreateId(post.Id, personId),
            PersonId = personId,
            PostId = post.Id,
            Kind = kind,
            Direction = direction,
            OccurredAt = post.CreatedAt,
            Sentiment = signals is { Sentiment.Confidence: > 0 } ? signals.Sentiment.Compound : null,
            Intents = signals?.Intents ?? [],
            NeedsResponse = signals?.NeedsResponse ?? false,
            InReplyToPostId = post.ReplyToId,
            ThreadId = post.ThreadId,
            Watches = watches,
        };
    }
}
