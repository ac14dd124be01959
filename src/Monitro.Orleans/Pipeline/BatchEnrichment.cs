using Microsoft.Extensions.Logging;
using Monitro.Inbox;
using Monitro.Pipeline;
using Monitro.Relationships;

namespace Monitro.Orleans.Pipeline;

/// <summary>
/// Builds each tenant's posts, mentions, interactions and inbox items from a batch and its matches, as the
/// single-process pipeline does: posts in the batch's order, signals read once per post whatever the number of tenants
/// and shards that matched it, and each tenant's own accounts applied (their posts are answers, not mentions; posts
/// addressed to them or answering them are kept even when they match no watch).
/// </summary>
/// <remarks>
/// Runs in the source lease after matching: only posts that matched or belong to a conversation with a tenant are
/// read, and each once, where on the shards a post matched by several would be read by each. Each tenant with own
/// accounts has the single-process <see cref="InteractionBuilder"/>, whose memory of recent authors attributes our
/// answers to the people answered; it starts empty when the lease starts, and an answer to a post it does not hold
/// is attributed from the tenant's store (<see cref="RecallAnsweredAsync"/>).
/// </remarks>
internal sealed class BatchEnrichment
{
    // As MonitroOptions.DeduplicationCacheSize by default: the recent posts one process remembers to attribute answers.
    private const int ConversationMemory = 100_000;
    private static readonly OwnAccounts NoOwnAccounts = new([]);
    private readonly PostEnricher _enricher;
    private readonly InteractionBuilder _plain = new(NoOwnAccounts, memory: 0);
    private readonly InboxItemBuilder _inbox;
    private readonly SortedDictionary<string, (OwnAccounts Accounts, InteractionBuilder Builder, bool OwnPostsAreMentions)> _conversations = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    /// <param name="sentiment">Reads sentiment, or <see langword="null"/>.</param>
    /// <param name="intents">Reads intents, or <see langword="null"/>.</param>
    /// <param name="responseTargets">The response targets of inbox items.</param>
    /// <param name="tenants">What each tenant declares, by tenant id.</param>
    /// <param name="logger">Logs the posts skipped.</param>
    public BatchEnrichment(ISentimentAnalyzer? sentiment, IIntentDetector? intents, RelationshipOptions responseTargets, IDictionary<string, MonitroTenantOptions> tenants, ILogger logger)
    {
        _enricher = new PostEnricher(sentiment, intents, NoOwnAccounts);
        _inbox = new InboxItemBuilder(responseTargets);
        _logger = logger;
        foreach (var (tenantId, tenant) in tenants.Where(static t => t.Value.OwnAccounts.Count > 0))
        {
            var accounts = new OwnAccounts(tenant.OwnAccounts);
            _conversations[tenantId] = (accounts, new InteractionBuilder(accounts, ConversationMemory), tenant.IncludeOwnPostsAsMentions);
        }
    }

    /// <summary>
    /// Recalls from each tenant's store who wrote the posts our answers in a batch reply to, when the memory of recent
    /// authors no longer holds them (it starts empty when the lease starts on another silo): the answered post's stored
    /// inbound interaction, the person a published reply is linked to. Posts of the batch itself are left to the memory.
    /// </summary>
    /// <param name="posts">The normalized posts of the batch, in its order.</param>
    /// <param name="storeOf">The store of a tenant, when it can tell who wrote a post.</param>
    /// <param name="cancellationToken">A token that cancels the reads.</param>
    /// <remarks>Cost: one read of the tenant's store per answer of ours whose post is not remembered, none for other posts.</remarks>
    public async Task RecallAnsweredAsync(IReadOnlyList<Post> posts, Func<string, IPostInteractions?> storeOf, CancellationToken cancellationToken)
    {
        HashSet<string>? inBatch = null;
        foreach (var (tenantId, (accounts, builder, _)) in _conversations)
        {
            foreach (var post in posts)
            {
                if (!accounts.IsOwn(post.Author) || post.ReplyToId is not { } answered || builder.Remembers(answered))
                {
                    continue;
                }

                inBatch ??= new HashSet<string>(posts.Select(static p => p.Id), StringComparer.Ordinal);
                if (!inBatch.Contains(answered) && storeOf(tenantId) is { } store
                    && await store.GetInboundInteractionAsync(answered, cancellationToken).ConfigureAwait(false) is { } found)
                {
                    builder.Remember(answered, found.Person);
                }
            }
        }
    }

    /// <summary>Builds what a batch brings each tenant; a post whose reading throws is skipped with the stage named.</summary>
    /// <param name="sourceName">The source the batch was read from.</param>
    /// <param name="posts">The normalized posts of the batch, in its order.</param>
    /// <param name="found">The mentions the shards found, of every tenant.</param>
    /// <param name="skipped">Receives the posts skipped.</param>
    /// <returns>Each tenant's part, by tenant id; tenants the batch brings nothing are absent.</returns>
    public Dictionary<string, TenantBatch> Build(string sourceName, IReadOnlyList<Post> posts, IEnumerable<TenantMention> found, List<SkippedItem> skipped)
    {
        var byPost = found.GroupBy(static m => m.Mention.Post.Id, StringComparer.Ordinal).ToDictionary(static g => g.Key, static g => g.ToList(), StringComparer.Ordinal);
        var batches = new Dictionary<string, TenantBatch>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            var involved = Involved(post, byPost.GetValueOrDefault(post.Id));
            if (involved.Count == 0)
            {
                continue;
            }

            MentionSignals? signals = null;
            try
            {
                // One process does not read the posts of our own accounts; here a post is read once if any tenant needs it.
                signals = involved.Values.Any(static t => !t.Own) ? _enricher.Enrich(post) : null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                skipped.Add(PostFailures.StageFailed(_logger, sourceName, post.Id, PostStage.Enrich, exception));
                continue;
            }

            foreach (var (tenantId, (mentions, own, conversation)) in involved)
            {
                var tenantSignals = own ? null : signals;
                var enriched = mentions.ConvertAll(m => m with { Signals = tenantSignals });
                if (!batches.TryGetValue(tenantId, out var batch))
                {
                    batches[tenantId] = batch = new TenantBatch([], [], [], []);
                }

                Add(batch, post, enriched, tenantSignals, conversation, BuilderOf(tenantId));
            }
        }

        return batches;
    }

    // The tenants a post concerns, with their mentions: those whose watches it matched, and those it is a conversation with.
    private SortedDictionary<string, (List<Mention> Mentions, bool Own, bool Conversation)> Involved(Post post, List<TenantMention>? found)
    {
        var involved = new SortedDictionary<string, (List<Mention> Mentions, bool Own, bool Conversation)>(StringComparer.Ordinal);
        foreach (var mention in found ?? [])
        {
            if (!involved.TryGetValue(mention.TenantId, out var entry))
            {
                involved[mention.TenantId] = entry = ([], false, false);
            }

            entry.Mentions.Add(mention.Mention);
        }

        // Cost: one look-up per tenant with own accounts and post (see docs/scale-out.md).
        foreach (var (tenantId, (accounts, builder, ownPostsAreMentions)) in _conversations)
        {
            var own = accounts.IsOwn(post.Author);
            var conversation = builder.IsConversationWithUs(post);
            if (involved.TryGetValue(tenantId, out var entry))
            {
                // Our own posts are answers, not mentions, as in one process, unless the tenant counts them as mentions too.
                involved[tenantId] = (own && !ownPostsAreMentions ? [] : entry.Mentions, own, conversation);
            }
            else if (conversation)
            {
                involved[tenantId] = ([], own, conversation);
            }
        }

        return involved;
    }

    private InteractionBuilder BuilderOf(string tenantId) =>
        _conversations.TryGetValue(tenantId, out var conversation) ? conversation.Builder : _plain;

    private void Add(TenantBatch batch, Post post, List<Mention> mentions, MentionSignals? signals, bool conversation, InteractionBuilder builder)
    {
        batch.Posts.Add(post);
        batch.Mentions.AddRange(mentions);
        var interaction = builder.Build(post, mentions, signals, out var person);
        builder.Remember(post);
        if (interaction is null)
        {
            return;
        }

        if (_inbox.Build(interaction, post, conversation) is { } item)
        {
            batch.InboxItems.Add(item);
        }

        batch.Interactions.Add((interaction, person!));
    }
}
