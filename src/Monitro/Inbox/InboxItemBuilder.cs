using Monitro.Relationships;

namespace Monitro.Inbox;

/// <summary>
/// Decides which inbound interactions need an answer and makes their inbox items: complaints, churn risks,
/// questions, purchase intents, posts the analyzers flag as needing a response, and anything addressed to us
/// (a mention of our handle, or a reply to one of our posts). Our own posts never become items.
/// </summary>
internal sealed class InboxItemBuilder(RelationshipOptions responseTargets)
{
    /// <summary>Builds the item of an interaction, or <see langword="null"/> when it needs no answer.</summary>
    /// <param name="interaction">The interaction the post made.</param>
    /// <param name="post">The post.</param>
    /// <param name="addressedToUs">Whether the post mentions one of our accounts or replies to one of our posts.</param>
    public InboxItem? Build(Interaction interaction, Post post, bool addressedToUs)
    {
        if (interaction.Direction != InteractionDirection.Inbound || post.IsRepost)
        {
            return null;
        }

        InboxItemKind? kind = ResponseLedger.Has(interaction, IntentLabel.Complaint) ? InboxItemKind.Complaint
            : ResponseLedger.Has(interaction, IntentLabel.ChurnRisk) ? InboxItemKind.ChurnRisk
            : ResponseLedger.Has(interaction, IntentLabel.Question) ? InboxItemKind.Question
            : ResponseLedger.Has(interaction, IntentLabel.PurchaseIntent) ? InboxItemKind.PurchaseIntent
            : addressedToUs || interaction.NeedsResponse ? InboxItemKind.AddressedToUs
            : null;
        if (kind is null)
        {
            return null;
        }

        var signals = interaction.Intents.Select(static hit => hit.Label).Distinct().ToArray();
        return new InboxItem
        {
            Id = post.Id,
            PersonId = interaction.PersonId,
            Source = post.Source,
            ThreadId = InboxItem.ThreadOf(post),
            Kind = kind.Value,
            Signals = signals,
            CreatedAt = interaction.OccurredAt,
            DueAt = interaction.OccurredAt + ResponseLedger.TargetFor(interaction, responseTargets),
            State = InboxItemState.New,
        };
    }
}
