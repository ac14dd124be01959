using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitro.Storage.Sqlite.Schema;

namespace Monitro.Storage.Sqlite;

/// <summary>
/// The embedded default store of Monitro: one SQLite file in WAL mode holding posts, mentions, people and their
/// identities, interactions, relationship snapshots, checkpoints, dead letters and the alert outbox.
/// </summary>
/// <remarks>
/// <para>Every read opens a pooled connection of its own, so queries read while the pipeline writes (WAL
/// readers never wait for the writer). Writes in this process take turns on one connection kept open, with the
/// statements of the batch commit prepared once; writes from other processes wait up to
/// <see cref="SqliteStoreOptions.BusyTimeout"/> for the lock.</para>
/// <para>The schema is migrated on first use, or at host start when registered with <c>UseSqlite</c>.</para>
/// <para>The store is thread-safe. Dispose it to release the pooled connections (and so the file).</para>
/// </remarks>
public sealed partial class SqliteMonitroStore :
    IMonitroStore, IAlertOutbox, IAlertDeadLetters, IMonitroQueries, IInteractionHistory, IPersonInteractionHistory, IRecentInteractionHistory, IInteractionTotals, IPersonDataEraser, IRelationshipSnapshotStore, IDisposable
{
    // Alerts enqueued here and not yet claimed; a claim takes them instead of reading their JSON back.
    private const int EnqueuedAlertsKept = 4096;
    private readonly string _connectionString;
    private readonly string _connectionPragmas;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _maxTextLength;
    private readonly bool _durableAgainstPowerLoss;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private readonly EnqueuedAlerts _enqueuedAlerts = new(EnqueuedAlertsKept);
    private volatile bool _migrated;
    private SqliteWriter? _writer; // opened by the first write; used under _writeGate only
    private SettledKeyHasher? _settledKeys;

    /// <summary>Initializes a new instance of the <see cref="SqliteMonitroStore"/> class.</summary>
    /// <param name="options">The options; checked here.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">An option is not valid; the message names it.</exception>
    public SqliteMonitroStore(SqliteStoreOptions options, TimeProvider? timeProvider = null, ILogger<SqliteMonitroStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = OptionsValidation.Validate(options, new SqliteStoreOptionsValidator(), new SqliteStoreOptionsCustomValidator());
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SqliteStoreOptions), validation.Failures);
        }

        _connectionString = SqliteConnectionStrings.Build(options.ConnectionString, options.BusyTimeout).ConnectionString;
        // secure_delete zeroes deleted rows in the page instead of leaving them in free space: an erased person
        // must not stay readable in the file (it costs a write of the freed bytes, not an extra page).
        // temp_store = MEMORY keeps statement journals (the upserts' copies of pages they change) out of temporary
        // files: they were most of a commit's writes, and held copies of erased rows outside the database. No
        // crash recovery reads them, so durability is unchanged.
        _connectionPragmas = SqliteConnectionStrings.BusyTimeoutPragma(options.BusyTimeout)
            + (options.DurableAgainstPowerLoss ? " PRAGMA synchronous = FULL;" : " PRAGMA synchronous = NORMAL;")
            + " PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;";
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<SqliteMonitroStore>.Instance;
        _maxTextLength = options.MaxTextLength;
        _durableAgainstPowerLoss = options.DurableAgainstPowerLoss;
    }

    /// <summary>Applies the schema migrations the database lacks; does nothing when it is current.</summary>
    /// <param name="cancellationToken">A token that cancels the wait for the database.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="NotSupportedException">The database was written by a newer version of Monitro.</exception>
    public async ValueTask MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (_migrated)
        {
            return;
        }

        await _migrationGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated)
            {
                return;
            }

            var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                EnableWriteAheadLog(connection);
                var applied = SchemaMigrator.Migrate(connection, SchemaMigrations.LatestVersion, Now());
                foreach (var migration in applied)
                {
                    _logger.SchemaMigrated(migration.Version, migration.Description);
                }

                _settledKeys = SettledKeyMigration.ReadHasher(connection);
            }

            _migrated = true;
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    /// <summary>Gets the schema version of the database.</summary>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The version; 0 for a database Monitro never used.</returns>
    public async ValueTask<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return SchemaMigrator.GetVersion(connection);
        }
    }

    /// <summary>Releases the pooled connections of this store's database.</summary>
    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
        _migrationGate.Dispose();
    }

    /// <summary>Opens a connection to a migrated database, with the store's connection settings.</summary>
    internal async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = _connectionPragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs a write in one immediate transaction; once started it is not cancelled, so it commits or rolls back whole.</summary>
    /// <param name="work">The write.</param>
    /// <param name="cancellationToken">Cancels the wait for the write connection.</param>
    /// <param name="deferSync">See <see cref="WritePreparedAsync"/>.</param>
    private ValueTask<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, long, T> work, CancellationToken cancellationToken, bool deferSync = false) =>
        WritePreparedAsync((writer, transaction, now) => work(writer.Connection, transaction, now), cancellationToken, deferSync);

    /// <summary>Runs a write on the write connection, whose prepared commands it may use, in one immediate transaction.</summary>
    /// <param name="work">The write.</param>
    /// <param name="cancellationToken">Cancels the wait for the write connection.</param>
    /// <param name="deferSync">
    /// Whether the write leaves its sync to the next write that syncs (<c>synchronous=NORMAL</c> for this transaction
    /// only): for the outbox's delivery bookkeeping (claims, settlements, retries), which a power loss may undo
    /// without breaking a guarantee (an alert is then delivered again, as when a dispatcher dies between sending and
    /// marking). A crash of the process loses none of it. Such a write does not checkpoint the write-ahead log either
    /// (see <see cref="SqliteWriter.SetCommitMode"/>). Batch commits and everything else keep
    /// <see cref="SqliteStoreOptions.DurableAgainstPowerLoss"/>.
    /// </param>
    private async ValueTask<T> WritePreparedAsync<T>(Func<SqliteWriter, SqliteTransaction, long, T> work, CancellationToken cancellationToken, bool deferSync = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (Thread.CurrentThread.IsThreadPoolThread)
        {
            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // A write started on a thread of its own (the pipeline's commit thread) waits for the gate there: continued
            // on the thread pool, it would hold a pool thread through its sync, and a one-CPU host's pool has one.
            _writeGate.Wait(cancellationToken);
        }

        try
        {
            var writer = _writer ??= new SqliteWriter(await OpenRawAsync(cancellationToken).ConfigureAwait(false), _durableAgainstPowerLoss);
            try
            {
                writer.SetCommitMode(syncEachCommit: _durableAgainstPowerLoss && !deferSync, checkpoint: !deferSync);
                using var transaction = writer.Connection.BeginTransaction(deferred: false);
                var result = work(writer, transaction, Now());
                transaction.Commit();
                return result;
            }
            catch
            {
                // The transaction rolled back; a connection that failed is not trusted again, the next write opens a new one.
                _writer = null;
                writer.Dispose();
                throw;
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Gets the hasher of settled alert keys; set once the database is migrated, which every operation awaits first.</summary>
    private SettledKeyHasher SettledKeys
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _settledKeys ?? throw new InvalidOperationException("The store is used before its schema was migrated.");
    }

    private long Now() => UnixTime.ToMilliseconds(_time.GetUtcNow());

    private static void EnableWriteAheadLog(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The database could not switch to write-ahead logging (journal mode is '{mode}').");
        }
    }
}
