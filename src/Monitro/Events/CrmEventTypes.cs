namespace Monitro.Events;

/// <summary>The <c>type</c> values of CRM events (spec version <see cref="CrmEvent{TData}.CurrentSpecVersion"/>).</summary>
public static class CrmEventTypes
{
    /// <summary>A post matched a watch: an immutable timeline activity.</summary>
    public const string MentionCreated = "mention.created";

    /// <summary>A source withdrew a post: remove or hide its activity.</summary>
    public const string MentionRetracted = "mention.retracted";

    /// <summary>A person's social profile, to upsert by its identity key.</summary>
    public const string PersonUpserted = "person.upserted";

    /// <summary>A person's relationship changed (a transition such as new detractor or prospect warming).</summary>
    public const string RelationshipChanged = "relationship.changed";

    /// <summary>Any other alert: a digest, a spike, or an alert of a kind the CRM may not know yet.</summary>
    public const string AlertRaised = "alert.raised";
}
