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
}
