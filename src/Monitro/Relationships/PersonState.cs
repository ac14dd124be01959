using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Monitro.Relationships;

/// <summary>
/// Everything known about one person: their identities, interactions, CRM facts, and what was last reported
/// about them (so transitions fire once). Scoring reads it; it has no behaviour of its own beyond bookkeeping,
/// so it can move into a per-person actor unchanged.
/// </summary>
internal sealed class PersonState
{
    private readonly HashSet<string> _interactionIds = new(StringComparer.Ordinal);

    public PersonState(string personId, Author person)
    {
        PersonId = personId;
        Person = person;
        Identities.Add(personId);
    }

    /// <summary>Gets or sets the id of the person: the identity key that represents all merged identities.</summary>
    public string PersonId { get; set; }

    /// <summary>Gets the person's latest known identity details.</summary>
    public Author Person { get; private set; }

    public SortedSet<string> Identities { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Gets the interactions recorded, kept in <see cref="TimelineOrder"/>: the timeline every score reads, so no
    /// evaluation copies and sorts it again.
    /// </summary>
    public List<Interaction> Interactions { get; } = [];

    public ContactFacts? Contact { get; set; }

    public int Inbound { get; private set; }

    public int Outbound { get; private set; }

    public DateTimeOffset FirstContactAt { get; private set; } = DateTimeOffset.MaxValue;

    public DateTimeOffset LastContactAt { get; private set; } = DateTimeOffset.MinValue;

    public DateTimeOffset LastInboundAt { get; private set; } = DateTimeOffset.MinValue;

    public DateTimeOffset LastOutboundAt { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Gets or sets the roles reported at the last evaluation, as bits of <see cref="RelationshipRole"/>.</summary>
    public int ReportedRoles { get; set; }

    /// <summary>Gets or sets a value indicating whether a warming prospect was reported and is still warm.</summary>
    public bool ReportedWarmProspect { get; set; }

    /// <summary>Gets or sets a value indicating whether the relationship was strong at an evaluation since it was last dormant.</summary>
    public bool WasStrong { get; set; }

    /// <summary>Gets the ids of items whose overdue answer was reported, so each is reported once.</summary>
    public HashSet<string> ReportedOverdue { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the moments at which the person is to be looked at again and has not been yet (the registry's wake-ups for them).</summary>
    public SortedSet<DateTimeOffset> WakeUps { get; } = [];

    /// <summary>Gets an order-free fingerprint of the ids of the interactions recorded: a snapshot checks with it that it covers the same ones.</summary>
    public ulong Fingerprint { get; private set; }

    /// <summary>
    /// Gets the order of the timeline: by time; at one instant the person's post before our answer, then by id. A total
    /// order, so the same interactions give the same timeline (and the same scores) whatever order they were recorded in.
    /// </summary>
    public static IComparer<Interaction> TimelineOrder { get; } = Comparer<Interaction>.Create(Compare);

    /// <summary>Gets the fingerprint of one interaction id; a set's fingerprint is the sum of its ids'.</summary>
    public static ulong FingerprintOf(string interactionId) => InteractionFingerprint.Of(interactionId);

    /// <summary>Adds an interaction; returns <see langword="false"/> when its id was recorded before.</summary>
    public bool Add(Interaction interaction, Author person)
    {
        if (!_interactionIds.Add(interaction.Id))
        {
            return false;
        }

        Insert(interaction);
        Fingerprint += FingerprintOf(interaction.Id);
        var at = interaction.OccurredAt;
        if (at < FirstContactAt)
        {
            FirstContactAt = at;
        }

        if (at >= LastContactAt)
        {
            LastContactAt = at;
        }

        if (interaction.Direction == InteractionDirection.Outbound)
        {
            Outbound++;
            LastOutboundAt = Max(LastOutboundAt, at);
        }
        else
        {
            Inbound++;
            if (at >= LastInboundAt)
            {
                Person = person;
            }

            LastInboundAt = Max(LastInboundAt, at);
        }

        return true;
    }

    /// <summary>Takes over another person's identities, interactions and reported state (their identities were linked).</summary>
    public void Absorb(PersonState other)
    {
        Identities.UnionWith(other.Identities);
        var latestPerson = other.LastInboundAt > LastInboundAt ? other.Person : Person;
        foreach (var interaction in other.Interactions)
        {
            Add(interaction, latestPerson);
        }

        Person = latestPerson;
        Contact ??= other.Contact;
        ReportedRoles |= other.ReportedRoles;
        ReportedWarmProspect |= other.ReportedWarmProspect;
        WasStrong |= other.WasStrong;
        ReportedOverdue.UnionWith(other.ReportedOverdue);
        WakeUps.UnionWith(other.WakeUps);
    }

    // Where the timeline order puts it. Interactions mostly come in time order, so mostly at the end.
    private void Insert(Interaction interaction)
    {
        int low = 0, high = Interactions.Count;
        if (high > 0 && Compare(Interactions[high - 1], interaction) > 0)
        {
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (Compare(Interactions[middle], interaction) <= 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
        }

        Interactions.Insert(high, interaction);
    }

    // By time; at the same instant the person's post comes before our answer to it (as integers: Enum.CompareTo boxes
    // both), then by id.
    private static int Compare(Interaction a, Interaction b)
    {
        var byTime = a.OccurredAt.CompareTo(b.OccurredAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byDirection = ((int)a.Direction).CompareTo((int)b.Direction);
        return byDirection != 0 ? byDirection : string.CompareOrdinal(a.Id, b.Id);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
