using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Monitro.Samples.Crm.Data;

/// <summary>
/// The CRM's own SQLite database: contacts, their social profiles, timeline activities, cases, relationship scores
/// taken from Monitro, alerts, and the webhook keys already processed. Each event is applied in one transaction with
/// its key, so a repeat is a no-op even after a crash.
/// </summary>
public sealed partial class CrmDatabase
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
        CREATE TABLE IF NOT EXISTS relationships (
            contact_id TEXT PRIMARY KEY REFERENCES contacts(id), person_id TEXT NOT NULL, bond REAL NOT NULL, band TEXT NOT NULL,
            affect REAL, care REAL, role TEXT, role_reason TEXT, why TEXT NOT NULL, as_of TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS processed_keys (key TEXT PRIMARY KEY, received_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS profiles_contact ON profiles (contact_id);
        CREATE INDEX IF NOT EXISTS activities_contact ON activities (contact_id, created_at);
        CREATE INDEX IF NOT EXISTS activities_post ON activities (post_id);
        CREATE INDEX IF NOT EXISTS cases_contact ON cases (contact_id);
        """;

    private readonly string _connectionString;

    public CrmDatabase(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, null, Schema);
        CreateRepliesSchema(connection);
    }

    /// <summary>Gets the contact id of a social identity, or <see langword="null"/> when the CRM does not know it.</summary>
    public string? ContactIdOf(string identityKey) => ContactIdOfAny([identityKey]);

    /// <summary>Gets the contact id of the first of these identities (one person's) that the CRM knows, or <see langword="null"/>.</summary>
    public string? ContactIdOfAny(IEnumerable<string> identityKeys)
    {
        using var connection = Open();
        foreach (var identityKey in identityKeys)
        {
            if (Scalar(connection, null, "SELECT contact_id FROM profiles WHERE identity_key = $1", identityKey) is string contactId)
            {
                return contactId;
            }
        }

        return null;
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

    /// <summary>Tells whether the alert (by event id) has arrived.</summary>
    public bool HasAlert(string eventId)
    {
        using var connection = Open();
        return Scalar(connection, null, "SELECT 1 FROM alerts WHERE id = $1", eventId) is not null;
    }

    /// <summary>Counts the rows of a table (for tests and the replay summary).</summary>
    public long Count(string table)
    {
        if (table is not ("contacts" or "profiles" or "activities" or "cases" or "alerts" or "relationships" or "processed_keys" or "case_replies" or "offline_replies"))
        {
            throw new ArgumentOutOfRangeException(nameof(table), table, "Not a table of the CRM.");
        }

        using var connection = Open();
        return (long)Scalar(connection, null, "SELECT COUNT(*) FROM " + table)!;
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        return command.ExecuteScalar();
    }

    /// <summary>A command whose parameters are <c>$1</c>, <c>$2</c>, … in order.</summary>
    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), values[i] ?? DBNull.Value);
        }

        return command;
    }

    private static string Text(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
