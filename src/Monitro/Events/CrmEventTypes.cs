namespace Monitro;

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

    /// <summary>A post that needs an answer entered the inbox: open a case keyed by the item id.</summary>
    public const string ItemCreated = AlertKinds.ItemCreated;

    /// <summary>An inbox item was assigned to an agent.</summary>
    public const string ItemAssigned = AlertKinds.ItemAssigned;

    /// <summary>An inbox item waits for the person.</summary>
    public const string ItemWaiting = AlertKinds.ItemWaiting;

    /// <summary>An inbox item was answered in its thread, or resolved by hand: close the case.</summary>
    public const string ItemResolved = AlertKinds.ItemResolved;

    /// <summary>An inbox item was closed without an answer.</summary>
    public const string ItemIgnored = AlertKinds.ItemIgnored;

    /// <summary>A resolved or ignored inbox item was opened again.</summary>
    public const string ItemReopened = AlertKinds.ItemReopened;
}
