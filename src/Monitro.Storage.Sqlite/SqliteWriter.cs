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
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private bool _syncEachCommit;
    private bool _checkpoint = true; // SQLite's default, which the store's pragmas keep

    /// <summary>Initializes a new instance of the <see cref="SqliteWriter"/> class.</summary>
    /// <param name="connection">An open connection whose pragmas ran; the writer owns it.</param>
    /// <param name="syncEachCommit">Whether those pragmas set <c>synchronous=FULL</c> (else <c>NORMAL</c>).</param>
    public SqliteWriter(SqliteConnection connection, bool syncEachCommit)
    {
        Connection = connection;
        _syncEachCommit = syncEachCommit;
    }

    /// <summary>Gets the open connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>Gets the prepared command of a statement, created with its named parameters at its first use, in a transaction.</summary>
    /// <param name="transaction">The transaction to run it in.</param>
    /// <param name="sql">The statement; a constant, so that the commands kept stay few.</param>
    /// <param name="parameterNames">The names of its parameters, in the order <see cref="SqliteCommandExtensions.Run"/> sets them.</param>
    /// <returns>The command; not to be disposed.</returns>
    public SqliteCommand Command(SqliteTransaction transaction, string sql, params ReadOnlySpan<string> parameterNames)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand(transaction, sql, parameterNames);
            _prepared.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
    }

    /// <summary>
    /// Sets, outside a transaction, how the next commits end: whether they wait for their sync to the disk
    /// (<c>synchronous=FULL</c>) or leave it to a later one (<c>NORMAL</c>), and whether one may checkpoint the
    /// write-ahead log (<c>wal_autocheckpoint</c> at SQLite's default of 1,000 pages, or off).
    /// </summary>
    /// <param name="syncEachCommit">Whether to sync each commit.</param>
    /// <param name="checkpoint">Whether a commit that leaves the log past 1,000 pages checkpoints it.</param>
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
        using var command = Connection.CreateCommand();
        command.CommandText = (syncEachCommit ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;")
            + (checkpoint ? " PRAGMA wal_autocheckpoint = 1000;" : " PRAGMA wal_autocheckpoint = 0;");
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

        _prepared.Clear();
        Connection.Dispose();
    }
}
