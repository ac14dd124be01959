using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IMonitroStore"/> side of the store: checkpoints, known posts and batch commits.</summary>
public sealed partial class SqliteMonitroStore
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="sourceName"/> is null or empty.</exception>
    public async ValueTask<SourceCheckpoint?> GetCheckpointAsync(string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand(null, "SELECT value FROM checkpoints WHERE source_name = $source_name;", "$source_name");
            command.Bind(sourceName);
            return command.ExecuteScalar() is string value ? new SourceCheckpoint(sourceName, value) : null;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Retracted posts count as known, so a replayed source does not process them again.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="postIds"/> is <see langword="null"/>.</exception>
    public async ValueTask<IReadOnlySet<string>> GetKnownPostIdsAsync(IReadOnlyCollection<string> postIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (postIds.Count == 0)
        {
            return known;
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One JSON array parameter instead of one parameter per id: no limit on the number of ids.
            using var command = connection.CreateCommand(
                null, "SELECT id FROM posts WHERE id IN (SELECT value FROM json_each($ids));", "$ids");
            command.Bind(PayloadSerializer.Write(postIds.Where(id => id is not null).ToArray(), StoreJsonContext.Default.StringArray));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                known.Add(reader.GetString(0));
            }
        }

        return known;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="commit"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The commit is not valid (an empty id, an oversized text, a checkpoint of another source); the message names the item and field. Nothing is written.</exception>
    public async ValueTask CommitAsync(BatchCommit commit, CancellationToken cancellationToken = default)
    {
        BatchCommitValidator.Validate(commit, _maxTextLength);
        var count = await WriteCommitAsync(commit, mayWrite: null, cancellationToken).ConfigureAwait(false);
        _logger.BatchCommitted(commit.SourceName, commit.Posts.Count, commit.Mentions.Count, count);
    }

    /// <summary>Writes a validated commit in one transaction, unless <paramref name="mayWrite"/> refuses it in that transaction.</summary>
    /// <returns>The number of alerts newly enqueued, or -1 when refused.</returns>
    private async ValueTask<int> WriteCommitAsync(BatchCommit commit, Func<SqliteWriter, SqliteTransaction, long, bool>? mayWrite, CancellationToken cancellationToken)
    {
        var enqueued = new List<Alert>(commit.Alerts.Count);
        try
        {
            return await WritePreparedAsync(
                (writer, transaction, now) =>
                {
                    if (mayWrite is not null && !mayWrite(writer, transaction, now))
                    {
                        return -1;
                    }

                    var count = BatchCommitWriter.Write(writer, transaction, commit, SettledKeys, now, enqueued);

                    // Kept inside the write: a claim waits for the write gate, so none runs before this commit.
                    _enqueuedAlerts.Add(enqueued);
                    return count;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The transaction rolled back: the rows these alerts stood for do not exist.
            _enqueuedAlerts.Forget(enqueued);
            throw;
        }
    }
}
