using Microsoft.Data.Sqlite;
using Monitro.Samples.Crm.Views;

namespace Monitro.Samples.Crm.Data;

/// <summary>What the pages read: contact lists, a contact's timeline, cases and alerts.</summary>
public sealed partial class CrmDatabase
{
    private const string ContactSelect = """
        SELECT c.id, c.name,
            (SELECT GROUP_CONCAT(platform || ' @' || handle, char(10)) FROM (SELECT platform, handle FROM profiles p WHERE p.contact_id = c.id ORDER BY p.identity_key)),
            r.bond, r.band, r.affect, r.care, r.role, COALESCE(r.role_reason, r.why),
            (SELECT COUNT(DISTINCT a.post_id) FROM activities a WHERE a.contact_id = c.id) AS posts,
            (SELECT COUNT(*) FROM cases k WHERE k.contact_id = c.id AND k.status = 'open') AS open_cases,
            (SELECT MAX(a.created_at) FROM activities a WHERE a.contact_id = c.id) AS latest,
            r.role_reason, r.why
        FROM contacts c LEFT JOIN relationships r ON r.contact_id = c.id
        """;

    // $1 is the LIKE pattern, or null for every contact.
    private const string SearchFilter = """
        WHERE $1 IS NULL OR c.name LIKE $1 ESCAPE '\' OR EXISTS (
            SELECT 1 FROM profiles p WHERE p.contact_id = c.id AND (p.handle LIKE $1 ESCAPE '\' OR p.display_name LIKE $1 ESCAPE '\'))
        """;

    /// <summary>Reads one page of contacts: searched in names and handles, sorted, with the total that match.</summary>
    public ContactListPage ReadContacts(ContactQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pattern = query.Search is null ? null : "%" + query.Search.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
        using var connection = Open();
        var total = Convert.ToInt32(Scalar(connection, null, "SELECT COUNT(*) FROM contacts c " + SearchFilter, pattern), System.Globalization.CultureInfo.InvariantCulture);

        // The column and direction come from the enum, never from the address.
        var column = query.Sort switch
        {
            ContactSort.Name => "c.name COLLATE NOCASE",
            ContactSort.Bond => "r.bond",
            ContactSort.Affect => "r.affect",
            ContactSort.Care => "r.care",
            ContactSort.Role => "r.role",
            ContactSort.Posts => "posts",
            ContactSort.Latest => "latest",
            _ => "open_cases",
        };
        var direction = query.Descending ? "DESC" : "ASC";
        var sql = $"{ContactSelect} {SearchFilter} ORDER BY {column} {direction} NULLS LAST, r.bond DESC NULLS LAST, c.id LIMIT $2 OFFSET $3";
        var page = Math.Min(query.Page, Math.Max(1, (total + query.PageSize - 1) / query.PageSize));
        var contacts = ReadRows(connection, sql, ReadContactRow, pattern, query.PageSize, (long)(page - 1) * query.PageSize);
        return new ContactListPage(query with { Page = page }, total, contacts);
    }

    /// <summary>Reads a contact with its scores, open cases and timeline (one row per post), or <see langword="null"/>.</summary>
    public ContactDetail? ReadContact(string contactId, int maxPosts = 200)
    {
        using var connection = Open();
        ContactDetail? detail = null;
        foreach (var (row, roleReason, why) in ReadRows(connection, ContactSelect + " WHERE c.id = $1", reader => (ReadContactRow(reader), NullableString(reader, 12), NullableString(reader, 13)), contactId))
        {
            detail = new ContactDetail(row, roleReason, why, ReadCases(connection, contactId, null, int.MaxValue), ReadTimeline(connection, contactId, maxPosts));
        }

        return detail;
    }

    /// <summary>Gets the identity keys of a contact's social profiles.</summary>
    public IReadOnlyList<string> IdentityKeysOf(string contactId)
    {
        using var connection = Open();
        return ReadRows(connection, "SELECT identity_key FROM profiles WHERE contact_id = $1 ORDER BY identity_key", reader => reader.GetString(0), contactId);
    }

    /// <summary>Reads the open cases, newest first.</summary>
    public IReadOnlyList<CaseView> ReadOpenCases(int max = 500)
    {
        using var connection = Open();
        return ReadCases(connection, null, null, max);
    }

    /// <summary>Reads the open case of a post, or <see langword="null"/> when it has none.</summary>
    public CaseView? ReadOpenCase(string postId)
    {
        using var connection = Open();
        return ReadCases(connection, null, postId, 1).FirstOrDefault();
    }

    /// <summary>Reads the alerts whose kind starts with the prefix, newest first.</summary>
    public IReadOnlyList<AlertView> ReadAlerts(string kindPrefix, int max = 500)
    {
        using var connection = Open();
        return ReadRows(
            connection,
            "SELECT kind, title, time FROM alerts WHERE substr(kind, 1, length($1)) = $1 ORDER BY time DESC, id LIMIT $2",
            reader => new AlertView(reader.GetString(0), reader.GetString(1), reader.GetString(2)),
            kindPrefix,
            max);
    }

    private static List<CaseView> ReadCases(SqliteConnection connection, string? contactId, string? postId, int max) => ReadRows(
        connection,
        """
        SELECT k.id, k.contact_id, c.name, k.title, k.opened_at, k.post_id,
            (SELECT a.text FROM activities a WHERE a.post_id = k.post_id LIMIT 1), (SELECT a.url FROM activities a WHERE a.post_id = k.post_id LIMIT 1)
        FROM cases k JOIN contacts c ON c.id = k.contact_id
        WHERE k.status = 'open' AND ($1 IS NULL OR k.contact_id = $1) AND ($3 IS NULL OR k.post_id = $3)
        ORDER BY k.id DESC LIMIT $2
        """,
        reader => new CaseView(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), NullableString(reader, 6) ?? string.Empty, NullableString(reader, 7)),
        contactId,
        max,
        postId);

    private static List<TimelineRow> ReadTimeline(SqliteConnection connection, string contactId, int max) => ReadRows(
        connection,
        """
        SELECT a.post_id, MIN(a.created_at), MIN(COALESCE(p.platform || ' @' || p.handle, a.identity_key)), MIN(a.text), MIN(a.url),
            MIN(a.sentiment_label), MIN(a.intents), GROUP_CONCAT(a.watch, char(10))
        FROM activities a LEFT JOIN profiles p ON p.identity_key = a.identity_key
        WHERE a.contact_id = $1
        GROUP BY a.post_id ORDER BY MIN(a.created_at) DESC, a.post_id LIMIT $2
        """,
        reader => new TimelineRow(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            NullableString(reader, 4),
            NullableString(reader, 5),
            reader.GetString(6),
            [.. reader.GetString(7).Split('\n').Order(StringComparer.Ordinal)]),
        contactId,
        max);

    private static ContactRow ReadContactRow(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        NullableString(reader, 2)?.Split('\n') ?? [],
        NullableDouble(reader, 3),
        NullableString(reader, 4),
        NullableDouble(reader, 5),
        NullableDouble(reader, 6),
        NullableString(reader, 7),
        NullableString(reader, 8),
        reader.GetInt32(9),
        reader.GetInt32(10),
        NullableString(reader, 11));

    private static List<T> ReadRows<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, params object?[] values)
    {
        using var command = Command(connection, null, sql, values);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static double? NullableDouble(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
