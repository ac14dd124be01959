using Microsoft.Data.Sqlite;
using Monitro.Storage.Sqlite.Serialization;

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
            command.Bind(PayloadSerializer.Write(postIds.Where(id => id is not null).ToArray(), SqliteJsonContext.Default.StringArray));
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
        var enqueued = await WriteAsync(
            (connection, transaction, now) => BatchCommitWriter.Write(connection, transaction, commit, now),
            cancellationToken).ConfigureAwait(false);
        _logger.BatchCommitted(commit.SourceName, commit.Posts.Count, commit.Mentions.Count, enqueued);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A snapshot has no person id.</exception>
    public async ValueTask SaveSnapshotsAsync(IReadOnlyCollection<RelationshipSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        foreach (var snapshot in snapshots)
        {
            ArgumentNullException.ThrowIfNull(snapshot, nameof(snapshots));
            ArgumentException.ThrowIfNullOrEmpty(snapshot.PersonId, nameof(snapshots));
            if (!double.IsFinite(snapshot.Bond))
            {
                throw new ArgumentException($"The snapshot of '{snapshot.PersonId}' has a bond that is not a finite number.", nameof(snapshots));
            }
        }

        await WriteAsync(
            (connection, transaction, _) =>
            {
                using var command = connection.CreateCommand(
                    transaction,
                    """
                    INSERT INTO relationship_snapshots (person_id, as_of, bond, payload) VALUES ($person_id, $as_of, $bond, $payload)
                    ON CONFLICT (person_id, as_of) DO UPDATE SET bond = excluded.bond, payload = excluded.payload;
                    """,
                    "$person_id",
                    "$as_of",
                    "$bond",
                    "$payload");
                foreach (var snapshot in snapshots)
                {
                    command.Run(
                        snapshot.PersonId,
                        UnixTime.ToMilliseconds(snapshot.AsOf),
                        snapshot.Bond,
                        PayloadSerializer.Write(snapshot, SqliteJsonContext.Default.RelationshipSnapshot));
                }

                return snapshots.Count;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
