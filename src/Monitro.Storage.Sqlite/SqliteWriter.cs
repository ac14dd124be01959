using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>
/// The store's one write connection, opened (and its pragmas run) once and kept open, with the commands of the
/// per-batch writes prepared once and kept with it.
/// </summary>
/// <remarks>
/// <para>A pooled connection per write paid, for every batch, for the open, the pragmas and the preparation of each
/// statement. Used only under the store's write gate, so it needs no lock of its own.</para>
/// <para>The prepared commands are keyed by their SQL; the same SQL is always created with the same parameters.
/// They belong to the writer: callers run them and never dispose them.</para>
/// </remarks>
internal sealed class SqliteWriter : IDisposable
{
    /// <summary>
    /// The write-ahead log's size, in pages, past which a commit that may checkpoint copies it into the database:
    /// four times SQLite's default of 1,000. A checkpoint writes each page the log holds once however many commits
    /// changed it, and syncs twice; the pages a stream changes most (the indexes' leaves, the outbox) are changed by
    /// nearly every commit, so a longer log is copied with fewer writes and fewer syncs. The log file grows to
    /// about 16 MiB before it is reused.
    /// </summary>
    internal const int CheckpointPages = 4000;

    /// <summary>
    /// The write connection's page cache, in KiB (SQLite's default is 2,000): the leaves of the indexes a commit
    /// changes are spread over the whole file, and each one not in the cache is read back from the file (a system
    /// call) by every commit that changes it. The cache grows only as pages are read.
    /// </summary>
    internal const int CacheKibibytes = 32 * 1024;

    private const string CheckpointPragma = " PRAGMA wal_autocheckpoint = 4000;";
    private const string SyncAndCheckpoint = "PRAGMA synchronous = FULL;" + CheckpointPragma;
    private const string SyncWithoutCheckpoint = "PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0;";
    private const string DeferAndCheckpoint = "PRAGMA synchronous = NORMAL;" + CheckpointPragma;
    private const string DeferWithoutCheckpoint = "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;";

    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RowStatement> _statements = new(StringComparer.Ordinal);
    private bool _syncEachCommit;
    private bool _checkpoint = true;

    /// <summary>Initializes a new instance of the <see cref="SqliteWriter"/> class.</summary>
    /// <param name="connection">An open connection whose pragmas ran; the writer owns it.</param>
    /// <param name="syncEachCommit">Whether those pragmas set <c>synchronous=FULL</c> (else <c>NORMAL</c>).</param>
    public SqliteWriter(SqliteConnection connection, bool syncEachCommit)
    {
        Connection = connection;
        _syncEachCommit = syncEachCommit;
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA cache_size = -{CacheKibibytes}; PRAGMA wal_autocheckpoint = {CheckpointPages};";
        command.ExecuteNonQuery();
    }

    /// <summary>Gets the open connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>Gets the prepared command of a statement, created with its named parameters at its first use, in a transaction.</summary>
    /// <param name="transaction">The transaction to run it in, or <see langword="null"/> for none.</param>
    /// <param name="sql">The statement; a constant, so that the commands kept stay few.</param>
    /// <param name="parameterNames">The names of its parameters, in the order <see cref="SqliteCommandExtensions.Run"/> sets them.</param>
    /// <returns>The command; not to be disposed.</returns>
    public SqliteCommand Command(SqliteTransaction? transaction, string sql, params ReadOnlySpan<string> parameterNames)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand(transaction, sql, parameterNames);
            _prepared.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
    }

    /// <summary>Gets the prepared statement of a per-row write, prepared with its named parameters at its first use.</summary>
    /// <param name="sql">The statement; a constant, so that the statements kept stay few.</param>
    /// <param name="parameterNames">The names of its parameters, in the order their values are set.</param>
    /// <returns>The statement; not to be disposed.</returns>
    public RowStatement Statement(string sql, params ReadOnlySpan<string> parameterNames)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new RowStatement(Connection, sql, parameterNames);
            _statements.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>
    /// Sets, outside a transaction, how the next commits end: whether they wait for their sync to the disk
    /// (<c>synchronous=FULL</c>) or leave it to a later one (<c>NORMAL</c>), and whether one may checkpoint the
    /// write-ahead log (<c>wal_autocheckpoint</c> at SQLite's default of 1,000 pages, or off).
    /// </summary>
    /// <param name="syncEachCommit">Whether to sync each commit.</param>
    /// <param name="checkpoint">Whether a commit that leaves the log past <see cref="CheckpointPages"/> pages checkpoints it.</param>
    /// <remarks>
    /// A checkpoint copies the log into the database and syncs both, the longest wait for the disk a write has. The
    /// delivery bookkeeping runs on the thread pool, where such a wait holds a pool thread (on a one-CPU host, the
    /// pool's only one, so the whole pipeline waited); with checkpoints left to the batch commits, the waits stay on
    /// the pipeline's commit thread.
    /// </remarks>
    public void SetCommitMode(bool syncEachCommit, bool checkpoint)
    {
        if (syncEachCommit == _syncEachCommit && checkpoint == _checkpoint)
        {
            return;
        }

        // In write-ahead-log mode a NORMAL commit's frames reach the disk with the next FULL commit's sync (or a checkpoint).
        // The store switches back and forth between a commit and the outbox's bookkeeping: the four pragma pairs are
        // prepared once and kept with the other commands.
        var command = Command(null, (syncEachCommit, checkpoint) switch
        {
            (true, true) => SyncAndCheckpoint,
            (true, false) => SyncWithoutCheckpoint,
            (false, true) => DeferAndCheckpoint,
            (false, false) => DeferWithoutCheckpoint,
        });
        command.ExecuteNonQuery();
        _syncEachCommit = syncEachCommit;
        _checkpoint = checkpoint;
    }

    /// <summary>Disposes the prepared commands and closes the connection (back to the pool).</summary>
    public void Dispose()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }

        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _prepared.Clear();
        _statements.Clear();
        Connection.Dispose();
    }
}
