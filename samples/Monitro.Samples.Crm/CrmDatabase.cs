using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitro.Events;

namespace Monitro.Samples.Crm;

/// <summary>
/// The CRM's own SQLite database: contacts, their social profiles, timeline activities, cases, digest and spike
/// alerts, and the webhook keys already processed. Each event is applied in one transaction with its key, so a
/// repeat is a no-op even after a crash.
/// </summary>
public sealed class CrmDatabase
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS contacts (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS profiles (
            identity_key TEXT PRIMARY KEY, contact_id TEXT NOT NULL REFERENCES contacts(id), platform TEXT NOT NULL,
            handle TEXT NOT NULL, display_name TEXT, profile_url TEXT, followers INTEGER, updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS activities (
            mention_id TEXT PRIMARY KEY, post_id TEXT NOT NULL, contact_id TEXT NOT NULL, identity_key TEXT NOT NULL,
            watch TEXT NOT NULL, text TEXT NOT NULL, url TEXT, sentiment_label TEXT, sentiment REAL, intents TEXT NOT NULL,
            created_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS cases (
            id INTEGER PRIMARY KEY AUTOINCREMENT, post_id TEXT NOT NULL UNIQUE, contact_id TEXT NOT NULL,
            title TEXT NOT NULL, status TEXT NOT NULL, opened_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS alerts (id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, time TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS processed_keys (key TEXT PRIMARY KEY, received_at TEXT NOT NULL);
        """;

    private readonly string _connectionString;

    public CrmDatabase(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, null, Schema);
    }

    /// <summary>Gets the contact id of a social identity, or <see langword="null"/> when the CRM does not know it.</summary>
    public string? ContactIdOf(string identityKey)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT contact_id FROM profiles WHERE identity_key = $key";
        command.Parameters.AddWithValue("$key", identityKey);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Applies an event once: <see langword="false"/> when its key was processed before (nothing changes).</summary>
    public bool Apply(string key, DateTimeOffset now, Action<SqliteConnection, SqliteTransaction> apply)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var inserted = Execute(connection, transaction, "INSERT OR IGNORE INTO processed_keys (key, received_at) VALUES ($1, $2)", key, Text(now));
        if (inserted == 0)
        {
            return false;
        }

        apply(connection, transaction);
        transaction.Commit();
        return true;
    }

    public static string UpsertProfile(SqliteConnection connection, SqliteTransaction transaction, SocialProfile person, DateTimeOffset now)
    {
        using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT contact_id FROM profiles WHERE identity_key = $key";
        find.Parameters.AddWithValue("$key", person.IdentityKey);
        var contactId = find.ExecuteScalar() as string ?? person.ContactId ?? "C-" + person.IdentityKey;
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

    public static void AddActivity(SqliteConnection connection, SqliteTransaction transaction, MentionCreatedData data, DateTimeOffset now)
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
        if (data.IsComplaint)
        {
            var title = "Complaint from @" + data.Person.Handle + " about " + data.Watch.Name;
            // One case per complaining post, even when the post matched several watches.
            Execute(connection, transaction, "INSERT OR IGNORE INTO cases (post_id, contact_id, title, status, opened_at) VALUES ($1, $2, $3, 'open', $4)", data.PostId, contactId, title, Text(now));
        }
    }

    public static void Retract(SqliteConnection connection, SqliteTransaction transaction, string postId)
    {
        Execute(connection, transaction, "DELETE FROM cases WHERE post_id = $1", postId);
        Execute(connection, transaction, "DELETE FROM activities WHERE post_id = $1", postId);
    }

    public static void AddAlert(SqliteConnection connection, SqliteTransaction transaction, string id, string kind, string title, DateTimeOffset time) =>
        Execute(connection, transaction, "INSERT OR IGNORE INTO alerts (id, kind, title, time) VALUES ($1, $2, $3, $4)", id, kind, title, Text(time));

    /// <summary>Reads every contact with profiles, timeline (newest first), score and open cases.</summary>
    public IReadOnlyList<ContactView> ReadContacts(int maxContacts = 200, int maxActivities = 20)
    {
        using var connection = Open();
        var contacts = new List<ContactView>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT c.id, c.name, COUNT(a.mention_id), AVG(a.sentiment), MAX(a.created_at)
                FROM contacts c LEFT JOIN activities a ON a.contact_id = c.id
                GROUP BY c.id ORDER BY (SELECT COUNT(*) FROM cases k WHERE k.contact_id = c.id AND k.status = 'open') DESC, COUNT(a.mention_id) DESC, c.id
                LIMIT $max
                """;
            command.Parameters.AddWithValue("$max", maxContacts);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                contacts.Add(new ContactView(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetDouble(3), [], [], []));
            }
        }

        return [.. contacts.Select(contact => contact with
        {
            Profiles = Rows(connection, "SELECT platform || ' @' || handle || COALESCE(' · ' || followers || ' followers', '') FROM profiles WHERE contact_id = $1 ORDER BY identity_key", contact.Id, maxActivities),
            Timeline = Rows(connection, "SELECT created_at || ' · ' || watch || ' · ' || COALESCE(sentiment_label, 'unscored') || ' · ' || text FROM activities WHERE contact_id = $1 ORDER BY created_at DESC LIMIT $2", contact.Id, maxActivities),
            OpenCases = Rows(connection, "SELECT '#' || id || ' ' || title FROM cases WHERE contact_id = $1 AND status = 'open' ORDER BY id LIMIT $2", contact.Id, maxActivities),
        })];
    }

    /// <summary>Reads the latest digest and spike alerts.</summary>
    public IReadOnlyList<string> ReadAlerts(int max = 20)
    {
        using var connection = Open();
        return Rows(connection, "SELECT time || ' · ' || title FROM alerts ORDER BY time DESC LIMIT $2", string.Empty, max);
    }

    /// <summary>Counts the rows of a table (for tests and the replay summary).</summary>
    public long Count(string table)
    {
        if (table is not ("contacts" or "profiles" or "activities" or "cases" or "alerts" or "processed_keys"))
        {
            throw new ArgumentOutOfRangeException(nameof(table), table, "Not a table of the CRM.");
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM " + table;
        return (long)command.ExecuteScalar()!;
    }

    private static string[] Rows(SqliteConnection connection, string sql, string id, int max)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$1", id);
        command.Parameters.AddWithValue("$2", max);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return [.. rows];
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), values[i] ?? DBNull.Value);
        }

        return command.ExecuteNonQuery();
    }

    private static string Text(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}

/// <summary>A contact as the page shows it.</summary>
public sealed record ContactView(string Id, string Name, int Mentions, double? AverageSentiment, IReadOnlyList<string> Profiles, IReadOnlyList<string> Timeline, IReadOnlyList<string> OpenCases);
