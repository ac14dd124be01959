using Monitro.Testing;

namespace Monitro.Tests.Relationships;

/// <summary>Builds interactions for scorer-level tests.</summary>
internal static class Interactions
{
    public static Interaction Inbound(string person, string postId, double days, double? sentiment = null, InteractionKind kind = InteractionKind.Mention, params IntentHit[] intents) => new()
    {
        Id = Interaction.CreateId(postId, person),
        PersonId = person,
        PostId = postId,
        Kind = kind,
        Direction = InteractionDirection.Inbound,
        OccurredAt = TestPosts.Epoch.AddDays(days),
        Sentiment = sentiment,
        Intents = intents,
        NeedsResponse = intents.Any(hit => hit.Label is IntentLabel.Complaint or IntentLabel.ChurnRisk or IntentLabel.Question or IntentLabel.PurchaseIntent),
    };

    public static Interaction Outbound(string person, string postId, double days, string? inReplyTo = null) => new()
    {
        Id = Interaction.CreateId(postId, person),
        PersonId = person,
        PostId = postId,
        Kind = InteractionKind.Reply,
        Direction = InteractionDirection.Outbound,
        OccurredAt = TestPosts.Epoch.AddDays(days),
        InReplyToPostId = inReplyTo,
    };

    public static IntentHit Hit(IntentLabel label, double confidence = 0.85) => new(label, label.ToString().ToLowerInvariant(), confidence);

    public static Author Person(string identityKey)
    {
        var separator = identityKey.IndexOf(':', StringComparison.Ordinal);
        return new Author { Platform = identityKey[..separator], Handle = identityKey[(separator + 1)..] };
    }
}
