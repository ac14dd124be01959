using Microsoft.Data.Sqlite;

namespace Monitro.Samples.Crm.Data;

/// <summary>Relationship scores and identity merges taken from Monitro's events.</summary>
public sealed partial class CrmDatabase
{
    /// <summary>
    /// Stores a person's scores on their contact. When Monitro counts several identities as one person and the CRM
    /// has them on different contacts, the contacts are merged first into the one of the first identity: profiles,
    /// activities and cases move, the emptied contacts go. Returns the contact id, or <see langword="null"/> when the
    /// CRM has none of the identities (an own account, say).
    /// </summary>
    public string? ApplyRelationship(RelationshipFacts facts, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var contactId = ApplyRelationship(connection, transaction, facts, asOf);
        transaction.Commit();
        return contactId;
    }

    /// <summary>
    /// <see cref="ApplyRelationship(RelationshipFacts, DateTimeOffset)"/> inside the transaction of an event. Scores
    /// older than the ones the contact holds change nothing.
    /// </summary>
    public static string? ApplyRelationship(SqliteConnection connection, SqliteTransaction transaction, RelationshipFacts facts, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var contactIds = new List<string>();
        foreach (var identity in facts.Identities.Order(StringComparer.Ordinal))
        {
            if (Scalar(connection, transaction, "SELECT contact_id FROM profiles WHERE identity_key = $1", identity) is string id && !contactIds.Contains(id))
            {
                contactIds.Add(id);
            }
        }

        if (contactIds.Count == 0)
        {
            return null;
        }

        var contactId = contactIds[0];
        foreach (var absorbed in contactIds.Skip(1))
        {
            foreach (var table in new[] { "profiles", "activities", "cases" })
            {
                Execute(connection, transaction, "UPDATE " + table + " SET contact_id = $1 WHERE contact_id = $2", contactId, absorbed);
            }

            Execute(connection, transaction, "DELETE FROM relationships WHERE contact_id = $1", absorbed);
            Execute(connection, transaction, "DELETE FROM contacts WHERE id = $1", absorbed);
        }

        Execute(
            connection,
            transaction,
            """
            INSERT INTO relationships (contact_id, person_id, bond, band, affect, care, role, role_reason, why, as_of)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (contact_id) DO UPDATE SET person_id = excluded.person_id, bond = excluded.bond, band = excluded.band,
                affect = excluded.affect, care = excluded.care, role = excluded.role, role_reason = excluded.role_reason,
                why = excluded.why, as_of = excluded.as_of
            WHERE excluded.as_of >= relationships.as_of
            """,
            contactId,
            facts.PersonId,
            facts.Bond,
            facts.Band,
            facts.Affect,
            facts.Care,
            facts.Role,
            facts.RoleReason,
            facts.Why,
            Text(asOf));
        return contactId;
    }
}
