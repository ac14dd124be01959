using System.Globalization;

namespace Monitro.Benchmarks.Relationships;

/// <summary>
/// A seeded history for the relationship benchmarks: interactions spread at random over people, one every six
/// seconds from <see cref="Start"/>; 30% are our answers, and some inbound ones are complaints, purchase intents or praise.
/// </summary>
internal sealed class SyntheticInteractions
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public SyntheticInteractions(int interactions, int people)
    {
        var random = new Random(42);
        Authors = new Author[people];
        for (var i = 0; i < people; i++)
        {
            Authors[i] = new Author { Platform = "mastodon", Handle = $"user{i}@example.social", Followers = random.Next(0, 50_000) };
        }

        IntentHit[] complaint = [new(IntentLabel.Complaint, "not working", 0.85)];
        IntentHit[] purchase = [new(IntentLabel.PurchaseIntent, "alternative to", 0.85)];
        IntentHit[] praise = [new(IntentLabel.Praise, "love", 0.8)];
        Interactions = new Interaction[interactions];
        PersonOf = new Author[interactions];
        for (var i = 0; i < interactions; i++)
        {
            var author = Authors[random.Next(people)];
            var person = author.IdentityKey;
            var postId = "mastodon:" + i.ToString(CultureInfo.InvariantCulture);
            var outbound = random.NextDouble() < 0.3;
            var roll = random.NextDouble();
            IntentHit[] intents = outbound ? [] : roll < 0.05 ? complaint : roll < 0.1 ? purchase : roll < 0.2 ? praise : [];
            PersonOf[i] = author;
            Interactions[i] = new Interaction
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

    public Author[] Authors { get; }

    /// <summary>Gets the interactions, oldest first.</summary>
    public Interaction[] Interactions { get; }

    /// <summary>Gets the person of each interaction, by index.</summary>
    public Author[] PersonOf { get; }
}
