using Microsoft.Extensions.Logging;
using Monitro.Inbox;
using Monitro.Pipeline;
using Monitro.Relationships;

namespace Monitro.Orleans.Pipeline;

/// <summary>
/// Reads the signals of the posts that matched (sentiment, intents, language) once per post, whatever the number of
/// tenants and shards that matched it, and builds each tenant's mentions, interactions and inbox items as the
/// single-process pipeline does.
/// </summary>
/// <remarks>
/// Runs in the source lease after matching: only posts that matched are read (the pre-search and the shards already
/// dropped the rest), and each once, where on the shards a post matched by several would be read by each.
/// A tenant's own accounts are not known in the scaled-out path, so every interaction is inbound.
/// </remarks>
internal sealed class BatchEnrichment(ISentimentAnalyzer? sentiment, IIntentDetector? intents, RelationshipOptions responseTargets, ILogger logger)
{
    private static readonly OwnAccounts NoOwnAccounts = new([]);
    private readonly PostEnricher _enricher = new(sentiment, intents, NoOwnAccounts);
    private readonly InteractionBuilder _interactions = new(NoOwnAccounts, memory: 1);
    private readonly InboxItemBuilder _inbox = new(responseTargets);

    /// <summary>Reads the signals of every post that matched; a post whose reading throws is skipped with the stage named.</summary>
    public Dictionary<string, MentionSignals> ReadSignals(string sourceName, IEnumerable<TenantMention> found, List<SkippedItem> skipped)
    {
        var signals = new Dictionary<string, MentionSignals>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var post in found.Select(static m => m.Mention.Post))
        {
            if (signals.ContainsKey(post.Id) || failed.Contains(post.Id))
            {
                continue;
            }

            try
            {
                signals[post.Id] = _enricher.Enrich(post);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed.Add(post.Id);
                skipped.Add(PostFailures.StageFailed(logger, sourceName, post.Id, PostStage.Enrich, exception));
            }
        }

        return signals;
    }

    /// <summary>Builds what a batch brings one tenant from the tenant's mentions, in the order of the posts.</summary>
    public TenantBatch Build(IEnumerable<Mention> mentions, IReadOnlyDictionary<string, MentionSignals> signals)
    {
        var batch = new TenantBatch([], [], [], []);
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in mentions.Where(m => signals.ContainsKey(m.Post.Id)).GroupBy(static m => m.Post.Id, StringComparer.Ordinal))
        {
            var post = group.First().Post;
            var postSignals = signals[post.Id];
            var enriched = group.Select(m => m with { Signals = postSignals }).ToList();
            batch.Posts.Add(post);
            batch.Mentions.AddRange(enriched);
            if (_interactions.Build(post, enriched, postSignals, out var person) is not { } interaction)
            {
                continue;
            }

            if (_inbox.Build(interaction, post, addressedToUs: false) is { } item)
            {
                batch.InboxItems.Add(item);
            }

            if (people.TryGetValue(interaction.PersonId, out var index))
            {
                batch.People[index].Interactions.Add(interaction);
                batch.People[index] = (person!, batch.People[index].Interactions);
            }
            else
            {
                people[interaction.PersonId] = batch.People.Count;
                batch.People.Add((person!, [interaction]));
            }
        }

        return batch;
    }
}
