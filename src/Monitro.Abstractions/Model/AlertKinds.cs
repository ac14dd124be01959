namespace Monitro;

/// <summary>The kinds of alert Monitro raises.</summary>
public static class AlertKinds
{
    /// <summary>A post matched a watch.</summary>
    public const string Mention = "mention";

    /// <summary>A periodic summary of the mentions that matched an alert rule (see <see cref="Alert.Digest"/>).</summary>
    public const string Digest = "digest";

    /// <summary>A watch's volume or negative share rose well above its own baseline (see <see cref="Alert.Spike"/>).</summary>
    public const string Spike = "spike";

    /// <summary>A source withdrew a post (deleted or edited away); the alert's key is <c>retracted|post-id</c>.</summary>
    public const string MentionRetracted = "mention.retracted";

    /// <summary>The prefix of the kinds raised by relationship transitions, for example <c>relationship.new-detractor</c>.</summary>
    public const string RelationshipPrefix = "relationship.";

    /// <summary>A person became a detractor.</summary>
    public const string RelationshipNewDetractor = "relationship.new-detractor";

    /// <summary>A detractor's complaint was answered and their tone recovered.</summary>
    public const string RelationshipDetractorRecovered = "relationship.detractor-recovered";

    /// <summary>A prospect's relationship turned warm.</summary>
    public const string RelationshipProspectWarming = "relationship.prospect-warming";

    /// <summary>A complaint has no answer past its response-time target.</summary>
    public const string RelationshipResponseOverdue = "relationship.response-overdue";

    /// <summary>A strong relationship went dormant.</summary>
    public const string RelationshipStrongGoneDormant = "relationship.strong-gone-dormant";

    /// <summary>The prefix of the kinds raised by inbox item changes, for example <c>item.assigned</c> (see <see cref="Alert.Item"/>).</summary>
    public const string ItemPrefix = "item.";

    /// <summary>A post that needs an answer entered the inbox.</summary>
    public const string ItemCreated = "item.created";

    /// <summary>An inbox item was assigned to an agent.</summary>
    public const string ItemAssigned = "item.assigned";

    /// <summary>An inbox item waits for the person.</summary>
    public const string ItemWaiting = "item.waiting";

    /// <summary>An inbox item was answered in its thread, or resolved by hand.</summary>
    public const string ItemResolved = "item.resolved";

    /// <summary>An inbox item was closed without an answer.</summary>
    public const string ItemIgnored = "item.ignored";

    /// <summary>A resolved or ignored inbox item was opened again.</summary>
    public const string ItemReopened = "item.reopened";

    /// <summary>Gets the alert kind of a relationship transition.</summary>
    /// <param name="kind">The transition kind.</param>
    /// <returns>The alert kind, for example <see cref="RelationshipNewDetractor"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static string ForTransition(RelationshipTransitionKind kind) => kind switch
    {
        RelationshipTransitionKind.NewDetractor => RelationshipNewDetractor,
        RelationshipTransitionKind.DetractorRecovered => RelationshipDetractorRecovered,
        RelationshipTransitionKind.ProspectWarming => RelationshipProspectWarming,
        RelationshipTransitionKind.ResponseOverdue => RelationshipResponseOverdue,
        RelationshipTransitionKind.StrongGoneDormant => RelationshipStrongGoneDormant,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown transition kind."),
    };
}
