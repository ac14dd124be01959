
namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IMonitroStore"/> side of the store: checkpoints, known posts and batch commits.</summary>
public sealed partial class PostgreSqlMonitroStore
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="sourceName"/> is null or empty.</exception>
    public async ValueTask<SourceCheckpoint?> GetCheckpointAsync(string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.Command("SELECT value FROM checkpoints WHERE source_name = $1;", SqlParameters.Text(sourceName));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string value
                ? new SourceCheckpoint(sourceName, value)
                : null;
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
            // One array parameter instead of one parameter per id: no limit on the number of ids.
            using var command = connection.Command(
                "SELECT id FROM posts WHERE id = ANY($1);", SqlParameters.TextArray([.. postIds.Where(id => id is not null)]));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    known.Add(reader.GetString(0));
                }
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
            (connection, now) => PostgreSqlBatchWriter.WriteAsync(connection, commit, SettledKeys, now),
            cancellationToken).ConfigureAwait(false);
        _logger.BatchCommitted(commit.SourceName, commit.Posts.Count, commit.Mentions.Count, enqueued);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A snapshot has no person id, or a bond that is not a finite number.</exception>
    public async ValueTask SaveSnapshotsAsync(IReadOnlyCollection<RelationshipSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        SnapshotChecks.Validate(snapshots);

        if (snapshots.Count == 0)
        {
            return;
        }

        await WriteAsync(
            async (connection, _) =>
            {
                var batch = new Npgsql.NpgsqlBatch(connection);
                await using (batch.ConfigureAwait(false))
                {
                    foreach (var snapshot in snapshots)
                    {
                        batch.Add(
                            """
                            INSERT INTO relationship_snapshots (person_id, as_of, bond, payload) VALUES ($1, $2, $3, $4)
                            ON CONFLICT (person_id, as_of) DO UPDATE SET bond = excluded.bond, payload = excluded.payload
                            """,
                            SqlParameters.Text(snapshot.PersonId),
                            SqlParameters.Long(UnixTime.ToMilliseconds(snapshot.AsOf)),
                            SqlParameters.Double(snapshot.Bond),
                            SqlParameters.Json(PayloadSerializer.Write(snapshot, StoreJsonContext.Default.RelationshipSnapshot)));
                    }

                    return await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }
}
