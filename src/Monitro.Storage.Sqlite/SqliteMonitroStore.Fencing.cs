using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>The <see cref="IFencedCommits"/> side of the store: source epochs and commits guarded by them.</summary>
public sealed partial class SqliteMonitroStore : IFencedCommits
{
    private const string AcquireEpochSql = """
        INSERT INTO source_epochs (source_name, epoch, updated_at) VALUES ($source_name, 1, $now)
        ON CONFLICT (source_name) DO UPDATE SET epoch = source_epochs.epoch + 1, updated_at = excluded.updated_at
        RETURNING epoch;
        """;

    // The conditional upsert both checks and records the epoch; it returns no row when a higher epoch exists.
    private const string ClaimEpochSql = """
        INSERT INTO source_epochs (source_name, epoch, updated_at) VALUES ($source_name, $epoch, $now)
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
            (connection, transaction, now) =>
            {
                using var command = connection.CreateCommand(transaction, AcquireEpochSql, "$source_name", "$now");
                command.Bind(sourceName, now);
                return (long)command.ExecuteScalar()!;
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
        var count = await WriteCommitAsync(
            commit,
            (writer, transaction, now) =>
            {
                var claim = writer.Command(transaction, ClaimEpochSql, "$source_name", "$epoch", "$now");
                claim.Bind(commit.SourceName, epoch, now);
                return claim.ExecuteScalar() is not null;
            },
            cancellationToken).ConfigureAwait(false);
        if (count < 0)
        {
            _logger.StaleEpochRefused(commit.SourceName, epoch);
            return false;
        }

        _logger.BatchCommitted(commit.SourceName, commit.Posts.Count, commit.Mentions.Count, count);
        return true;
    }
}
