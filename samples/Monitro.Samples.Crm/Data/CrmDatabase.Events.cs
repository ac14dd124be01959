using Microsoft.Data.Sqlite;

namespace Monitro.Samples.Crm.Data;

/// <summary>What Monitro's CRM events change, each inside the transaction of its webhook key.</summary>
public sealed partial class CrmDatabase
{
    /// <summary>Upserts the social profile by identity key and creates its contact; returns the contact id.</summary>
    public static string UpsertProfile(SqliteConnection connection, SqliteTransaction transaction, SocialProfile person, DateTimeOffset now)
    {
        var contactId = Scalar(connection, transaction, "SELECT contact_id FROM profiles WHERE identity_key = $1", person.IdentityKey) as string
            ?? person.ContactId
            ?? "C-" + person.IdentityKey;
        Execute(connection, transaction, "INSERT OR IGNORE INTO contacts (id, name, created_at) VALUES ($1, $2, $3)", contactId, person.DisplayName ?? "@" + person.Handle, Text(now));
        Execute(
            connection,
            transaction,
            """
            INSERT INTO profiles (identity_key, contact_id, platform, handle, display_name, profile_url, followers, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (identity_key) DO UPDATE SET display_name = excluded.display_name, profile_url = excluded.profile_url,
                followers = excluded.followers, updated_at = excluded.updated_at
            """,
            person.IdentityKey,
            contactId,
            person.Platform,
            person.Handle,
            person.DisplayName,
            person.ProfileUrl?.ToString(),
            person.Followers,
            Text(now));
        return contactId;
    }

    /// <summary>Appends the mention to the contact's timeline, and opens a case (one per post) when the policy says so.</summary>
    public static void AddActivity(SqliteConnection connection, SqliteTransaction transaction, MentionCreatedData data, CasePolicy cases, DateTimeOffset now)
    {
        var contactId = UpsertProfile(connection, transaction, data.Person, now);
        Execute(
            connection,
            transaction,
            """
            INSERT OR IGNORE INTO activities (mention_id, post_id, contact_id, identity_key, watch, text, url, sentiment_label, sentiment, intents, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """,
            data.MentionId,
            data.PostId,
            contactId,
            data.Person.IdentityKey,
            data.Watch.Name,
            data.Text,
            data.Url?.ToString(),
            data.Sentiment?.Label,
            data.Sentiment?.Compound,
            string.Join(", ", data.Intents.Select(intent => intent.Label)),
            Text(data.CreatedAt));
        if (cases.OpensCase(data))
        {
            var title = "Complaint from @" + data.Person.Handle + " about " + data.Watch.Name;
            // One case per complaining post, even when the post matched several watches.
            Execute(connection, transaction, "INSERT OR IGNORE INTO cases (post_id, contact_id, title, status, opened_at) VALUES ($1, $2, $3, 'open', $4)", data.PostId, contactId, title, Text(now));
        }
    }

    /// <summary>Removes a withdrawn post's activities and case.</summary>
    public static void Retract(SqliteConnection connection, SqliteTransaction transaction, string postId)
    {
        Execute(connection, transaction, "DELETE FROM cases WHERE post_id = $1", postId);
        Execute(connection, transaction, "DELETE FROM activities WHERE post_id = $1", postId);
    }

    /// <summary>Keeps a digest, spike or relationship alert for the alerts page.</summary>
    public static void AddAlert(SqliteConnection connection, SqliteTransaction transaction, string id, string kind, string title, DateTimeOffset time) =>
        Execute(connection, transaction, "INSERT OR IGNORE INTO alerts (id, kind, title, time) VALUES ($1, $2, $3, $4)", id, kind, title, Text(time));
}
