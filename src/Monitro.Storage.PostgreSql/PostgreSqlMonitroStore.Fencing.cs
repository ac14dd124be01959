namespace Monitro.Storage.PostgreSql;

/// <summary>The <see cref="IFencedCommits"/> side of the store: source epochs and commits guarded by them.</summary>
public sealed partial class PostgreSqlMonitroStore : IFencedCommits
{
    private const string AcquireEpochSql = """
        INSERT INTO source_epochs (source_name, epoch, updated_at) VALUES ($1, 1, $2)
        ON CONFLICT (source_name) DO UPDATE SET epoch = source_epochs.epoch + 1, updated_at = excluded.updated_at
        RETURNING epoch;
        """;

    // The conditional upsert both checks and records the epoch, and locks the row until the batch is written, so two
    // readers of one source commit one after the other; it returns no row when a higher epoch exists.
    private const string ClaimEpochSql = """
        INSERT INTO source_epochs (source_name, epoch, updated_at) VALUES ($1, $2, $3)
        ON CONFLICT (source_name) DO UPDATE SET epoch = excluded.epoch, updated_at = excluded.updated_at
        WHERE source_epochs.epoch <= excluded.epoch
        RETURNING epoch;
        """;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="sourceName"/> is null or empty.</exception>
    public ValueTask<long> AcquireEpochAsync(string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        return WriteAsync(
            async (connection, now) =>
            {
                using var command = connection.Command(AcquireEpochSql, SqlParameters.Text(sourceName), SqlParameters.Long(now));
                return (long)(await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false))!;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="commit"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The commit is not valid, as for <see cref="CommitAsync"/>. Nothing is written.</exception>
    public async ValueTask<bool> CommitFencedAsync(BatchCommit commit, long epoch, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 1);
        BatchCommitValidator.Validate(commit, _maxTextLength);
        var enqueued = await WriteAsync(
            async (connection, now) =>
            {
                using (var claim = connection.Command(ClaimEpochSql, SqlParameters.Text(commit.SourceName), SqlParameters.Long(epoch), SqlParameters.Long(now)))
                {
                    if (await claim.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false) is null)
                    {
                        return -1;
                    }
                }

                return await PostgreSqlBatchWriter.WriteAsync(connection, commit, SettledKeys, now).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        if (enqueued < 0)
        {
            _logger.StaleEpochRefused(commit.SourceName, epoch);
            return false;
        }

        _logger.BatchCommitted(commit.SourceName, commit.Posts.Count, commit.Mentions.Count, enqueued);
        return true;
    }
}
