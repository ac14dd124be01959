using System.Data.Common;

namespace Monitro.Storage.Shared;

/// <summary>Reads an alerting state row back from the columns both durable stores select for it.</summary>
internal static class StoredAlertState
{
    /// <summary>
    /// Reads the current row of a reader whose columns are: scope, item, payload, person id, refers-to-mention,
    /// (for rows that refer to a mention) the mention's and its post's payloads, and the due time (Unix milliseconds).
    /// </summary>
    public static AlertStateRow Read(DbDataReader reader)
    {
        var item = reader.GetString(1);
        var refersToMention = reader.GetBoolean(4);
        Mention? mention = null;
        if (refersToMention)
        {
            var post = PayloadSerializer.Read(reader.GetString(6), StoreJsonContext.Default.Post, "posts", item);
            mention = PayloadSerializer.Read(reader.GetString(5), StoreJsonContext.Default.StoredMention, "mentions", item).ToMention(post);
        }

        return new AlertStateRow
        {
            Scope = reader.GetString(0),
            Item = item,
            Payload = reader.IsDBNull(2) ? null : reader.GetString(2),
            PersonId = reader.IsDBNull(3) ? null : reader.GetString(3),
            RefersToMention = refersToMention,
            Mention = mention,
            DueAt = reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
        };
    }
}
