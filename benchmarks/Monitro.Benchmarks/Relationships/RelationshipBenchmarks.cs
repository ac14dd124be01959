using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Monitro.Benchmarks.Relationships;

/// <summary>
/// The cost of one interaction update in the relationship scorer, and the memory it keeps: 1,000,000
/// interactions over 100,000 people recorded into a fresh scorer. The baseline appends the same
/// interactions to a plain list (the least any scorer must do to keep them). Scoring is measured apart
/// from recording because it runs per person changed, not per interaction.
/// </summary>
[MemoryDiagnoser]
public class RelationshipBenchmarks
{
    private const int Interactions = 1_000_000;
    private const int People = 100_000;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private Interaction[] _interactions = [];
    private Author[] _authors = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _authors = new Author[People];
        for (var i = 0; i < People; i++)
        {
            _authors[i] = new Author { Platform = "mastodon", Handle = $"user{i}@example.social", Followers = random.Next(0, 50_000) };
        }

        IntentHit[] complaint = [new(IntentLabel.Complaint, "not working", 0.85)];
        IntentHit[] purchase = [new(IntentLabel.PurchaseIntent, "alternative to", 0.85)];
        IntentHit[] praise = [new(IntentLabel.Praise, "love", 0.8)];
        _interactions = new Interaction[Interactions];
        for (var i = 0; i < Interactions; i++)
        {
            var person = _authors[random.Next(People)].IdentityKey;
            var postId = "mastodon:" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var outbound = random.NextDouble() < 0.3;
            var roll = random.NextDouble();
            IntentHit[] intents = outbound ? [] : roll < 0.05 ? complaint : roll < 0.1 ? purchase : roll < 0.2 ? praise : [];
            _interactions[i] = new Interaction
            {
                Id = Interaction.CreateId(postId, person),
                PersonId = person,
                PostId = postId,
                Kind = outbound ? InteractionKind.Reply : roll < 0.6 ? InteractionKind.Mention : InteractionKind.Share,
                Direction = outbound ? InteractionDirection.Outbound : InteractionDirection.Inbound,
                OccurredAt = Start.AddSeconds(i * 6.0),
                Sentiment = outbound ? null : (random.NextDouble() * 2) - 1,
                Intents = intents,
                NeedsResponse = intents.Length > 0 && intents != praise,
            };
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Interactions)]
    public int AppendToList()
    {
        var list = new List<Interaction>();
        foreach (var interaction in _interactions)
        {
            list.Add(interaction);
        }

        return list.Count;
    }

    [Benchmark(OperationsPerInvoke = Interactions)]
    public int Record()
    {
        using var provider = new ServiceCollection().AddMonitro().Services.BuildServiceProvider();
        var scorer = provider.GetRequiredService<IRelationshipScorer>();
        for (var i = 0; i < _interactions.Length; i++)
        {
            var interaction = _interactions[i];
            scorer.Record(interaction, AuthorOf(interaction));
        }

        return scorer.GetRelationship(_interactions[0].PersonId, Start)?.Inbound ?? 0;
    }

    // The person index is in the handle; parsing it keeps the lookup out of the measured work's way.
    private Author AuthorOf(Interaction interaction)
    {
        var key = interaction.PersonId;
        var start = "mastodon:user".Length;
        var end = key.IndexOf('@', start);
        return _authors[int.Parse(key.AsSpan(start, end - start), System.Globalization.CultureInfo.InvariantCulture)];
    }
}
