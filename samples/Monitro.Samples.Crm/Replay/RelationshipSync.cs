using Monitro.Samples.Crm.Data;

namespace Monitro.Samples.Crm.Replay;

/// <summary>Copies Monitro's relationship snapshots (scores, role, why, linked identities) onto the CRM's contacts.</summary>
public static class RelationshipSync
{
    /// <summary>Applies each snapshot to its contact; returns how many contacts got scores.</summary>
    public static int Apply(CrmDatabase database, IEnumerable<RelationshipSnapshot> snapshots, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(snapshots);
        var applied = 0;
        foreach (var snapshot in snapshots)
        {
            if (database.ApplyRelationship(FactsOf(snapshot), asOf) is not null)
            {
                applied++;
            }
        }

        return applied;
    }

    /// <summary>The CRM's view of a snapshot.</summary>
    public static RelationshipFacts FactsOf(RelationshipSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var role = snapshot.Roles.Count > 0 ? snapshot.Roles[0] : null;
        return new RelationshipFacts(
            snapshot.PersonId,
            snapshot.Identities.Count > 0 ? snapshot.Identities : [snapshot.PersonId],
            snapshot.Bond,
            snapshot.Band,
            snapshot.Affect?.Value,
            snapshot.Care?.Value,
            role?.Role.ToString(),
            role?.Reason,
            snapshot.Reason);
    }
}
