using CsCheck;

namespace Monitro.Tests.Relationships;

/// <summary>Random interaction histories for the relationship restore properties: complaints, questions, answers, praise, direct messages.</summary>
internal static class RandomHistories
{
    public static readonly string[] People = ["mastodon:ann", "mastodon:bob", "bluesky:cy.example", "mastodon:dee"];

    // One event: who, at which hour (coarse, so moments are shared), what, the tone, and which earlier post an answer answers.
    public static readonly Gen<(int Person, int Hour, int Kind, double Sentiment, int Pick)> Event =
        Gen.Select(Gen.Int[0, People.Length - 1], Gen.Int[0, 24 * 120], Gen.Int[0, 9], Gen.Double[-1, 1], Gen.Int[0, 1000]);

    // Builds the stored history from the events, ordered as a store returns it (by moment, then id).
    public static List<(Interaction Interaction, Author Person)> History(IEnumerable<(int Person, int Hour, int Kind, double Sentiment, int Pick)> events)
    {
        var history = new List<(Interaction Interaction, Author Person)>();
        var inbound = new Dictionary<string, List<Interaction>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var (index, hour, kind, sentiment, pick) in events.OrderBy(e => e.Hour))
        {
            var person = People[index];
            var postId = "p" + number++;
            var days = hour / 24.0;
            var earlier = inbound.GetValueOrDefault(person) ?? [];
            Interaction interaction = kind switch
            {
                >= 6 and <= 8 when earlier.Count > 0 => Interactions.Outbound(person, postId, days, inReplyTo: earlier[pick % earlier.Count].PostId),
                2 => Interactions.Inbound(person, postId, days, -0.7, InteractionKind.Mention, Interactions.Hit(IntentLabel.Complaint)),
                3 => Interactions.Inbound(person, postId, days, sentiment, InteractionKind.Mention, Interactions.Hit(IntentLabel.Question)),
                4 => Interactions.Inbound(person, postId, days, 0.4, InteractionKind.Mention, Interactions.Hit(IntentLabel.PurchaseIntent)),
                5 => Interactions.Inbound(person, postId, days, 0.8, InteractionKind.Mention, Interactions.Hit(IntentLabel.Praise)),
                9 => Interactions.Inbound(person, postId, days, sentiment, InteractionKind.DirectMessage),
                _ => Interactions.Inbound(person, postId, days, sentiment),
            };
            if (interaction.Direction == InteractionDirection.Inbound)
            {
                inbound[person] = [.. earlier, interaction];
            }

            history.Add((interaction, Interactions.Person(person)));
        }

        return [.. history.OrderBy(pair => pair.Interaction.OccurredAt).ThenBy(pair => pair.Interaction.Id, StringComparer.Ordinal)];
    }
}
