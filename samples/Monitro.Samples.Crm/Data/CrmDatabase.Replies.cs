using Microsoft.Data.Sqlite;

namespace Monitro.Samples.Crm.Data;

/// <summary>The replies written on the CRM's cases, and what the sample's offline publisher "sent".</summary>
public sealed partial class CrmDatabase
{
    private const string RepliesSchema = """
        CREATE TABLE IF NOT EXISTS case_replies (reply_id TEXT PRIMARY KEY, post_id TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS case_replies_post ON case_replies (post_id, created_at);
        CREATE TABLE IF NOT EXISTS offline_replies (
            reply_id TEXT PRIMARY KEY, platform TEXT NOT NULL, account TEXT NOT NULL, in_reply_to TEXT NOT NULL,
            text TEXT NOT NULL, sent_at TEXT NOT NULL);
        """;

    /// <summary>Notes that a reply (by Monitro's reply id) answers a case's post; noting it again changes nothing.</summary>
    public void AddCaseReply(string postId, string replyId, DateTimeOffset now)
    {
        using var connection = Open();
        Execute(connection, null, "INSERT OR IGNORE INTO case_replies (reply_id, post_id, created_at) VALUES ($1, $2, $3)", replyId, postId, Text(now));
    }

    /// <summary>Gets the ids of the replies to a post, oldest first.</summary>
    public IReadOnlyList<string> CaseReplies(string postId)
    {
        using var connection = Open();
        return ReadRows(connection, "SELECT reply_id FROM case_replies WHERE post_id = $1 ORDER BY created_at, reply_id", reader => reader.GetString(0), postId);
    }

    /// <summary>Records what the sample's offline publisher would have posted; recording it again changes nothing.</summary>
    public void RecordOfflineReply(string replyId, string platform, string account, string inReplyTo, string text, DateTimeOffset sentAt)
    {
        using var connection = Open();
        Execute(
            connection,
            null,
            "INSERT OR IGNORE INTO offline_replies (reply_id, platform, account, in_reply_to, text, sent_at) VALUES ($1, $2, $3, $4, $5, $6)",
            replyId,
            platform,
            account,
            inReplyTo,
            text,
            Text(sentAt));
    }

    private static void CreateRepliesSchema(SqliteConnection connection) => Execute(connection, null, RepliesSchema);
}
