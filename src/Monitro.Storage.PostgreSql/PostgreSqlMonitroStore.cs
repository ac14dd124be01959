using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitro.Storage.PostgreSql.Schema;
using Npgsql;

namespace Monitro.Storage.PostgreSql;

/// <summary>
/// The server-side store of Monitro: posts, mentions, people and their identities, interactions, relationship
/// snapshots, checkpoints, dead letters and the alert outbox, in one schema of a PostgreSQL database.
/// </summary>
/// <remarks>
/// <para>Every operation takes a pooled connection of its own from an <see cref="NpgsqlDataSource"/>, so queries
/// read while the pipeline writes and never see half a batch. Several processes may share one schema: writes
/// are row-level upserts, and the outbox is claimed with <c>FOR UPDATE SKIP LOCKED</c>.</para>
/// <para>The schema is migrated on first use, or at host start when registered with <c>UsePostgreSql</c>.</para>
/// <para>The store is thread-safe. Dispose it to release the data source it created (one handed to it is the caller's).</para>
/// </remarks>
public sealed partial class PostgreSqlMonitroStore :
    IMonitroStore, IAlertOutbox, IAlertDeadLetters, IMonitroQueries, IInteractionHistory, IPersonInteractionHistory, IRecentInteractionHistory, IInteractionTotals, IPersonDataEraser, IRelationshipSnapshotStore, IAsyncDisposable, IDisposable
{
    // Deadlocks and serialization failures abort one of the transactions involved; it is safe to run it again.
    private const int MaxTransactionAttempts = 5;
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly string _schema;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _maxTextLength;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;
    private SettledKeyHasher? _settledKeys;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlMonitroStore"/> class with a data source of its own.</summary>
    /// <param name="options">The options; checked here.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">An option is not valid; the message names it.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The constructors differ in a required parameter (the data source); only the clock and the logger are optional.")]
    public PostgreSqlMonitroStore(PostgreSqlStoreOptions options, TimeProvider? timeProvider = null, ILogger<PostgreSqlMonitroStore>? logger = null)
        : this(CheckOptions(options), CreateDataSource(options), ownsDataSource: true, timeProvider, logger)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlMonitroStore"/> class on a data source the caller owns.</summary>
    /// <param name="dataSource">The data source; its connection string's search path is ignored, the store names its schema itself.</param>
    /// <param name="options">The options; checked here. Its connection string is not used.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">An option is not valid; the message names it.</exception>
    /// <remarks>Create the data source with <see cref="CreateDataSource"/> so that its connections use the store's schema.</remarks>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The constructors differ in a required parameter (the data source); only the clock and the logger are optional.")]
    public PostgreSqlMonitroStore(NpgsqlDataSource dataSource, PostgreSqlStoreOptions options, TimeProvider? timeProvider = null, ILogger<PostgreSqlMonitroStore>? logger = null)
        : this(CheckOptions(options), dataSource, ownsDataSource: false, timeProvider, logger)
    {
    }

    private PostgreSqlMonitroStore(PostgreSqlStoreOptions options, NpgsqlDataSource dataSource, bool ownsDataSource, TimeProvider? timeProvider, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _schema = options.SchemaName;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<PostgreSqlMonitroStore>.Instance;
        _maxTextLength = options.MaxTextLength;
    }

    /// <summary>Gets the schema that holds the store's tables.</summary>
    public string SchemaName => _schema;

    /// <summary>
    /// Creates the data source the store expects: the options' connection string with the search path set to the
    /// store's schema, and automatic preparation of repeated statements unless the connection string sets it.
    /// </summary>
    /// <param name="options">The options; checked here.</param>
    /// <returns>A new data source; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">An option is not valid; the message names it.</exception>
    public static NpgsqlDataSource CreateDataSource(PostgreSqlStoreOptions options)
    {
        CheckOptions(options);
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        builder.ConnectionStringBuilder.SearchPath = options.SchemaName;

        // A batch repeats a handful of statements hundreds of times: prepared once per connection, the server
        // parses and plans each only once. Kept when the connection string sets its own value.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }
        builder.Name ??= "monitro";
        return builder.Build();
    }

    /// <summary>Creates the schema or applies the migrations it lacks; does nothing when it is current.</summary>
    /// <param name="cancellationToken">A token that cancels the wait for the database.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="NotSupportedException">The schema was written by a newer version of Monitro.</exception>
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

            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var applied = await PostgreSqlSchemaMigrator.MigrateAsync(connection, _schema, Now(), cancellationToken).ConfigureAwait(false);
                foreach (var (version, description) in applied)
                {
                    _logger.SchemaMigrated(_schema, version, description);
                }

                _settledKeys = await PostgreSqlSettledKeyMigration.ReadHasherAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            _migrated = true;
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    /// <summary>Gets the version of the store's schema.</summary>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The version; 0 for a schema Monitro never used.</returns>
    public async ValueTask<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await PostgreSqlSchemaMigrator.GetVersionAsync(connection, _schema, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the data source when the store created it.</summary>
    /// <returns>A task that completes when the connections are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _migrationGate.Dispose();
    }

    /// <summary>Releases the data source when the store created it.</summary>
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }

        _migrationGate.Dispose();
    }

    /// <summary>Opens a connection to a migrated schema.</summary>
    private async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a write in one read-committed transaction, again from the start when PostgreSQL aborts it for a deadlock
    /// or a serialization failure. Once started it is not cancelled, so it commits or rolls back whole.
    /// </summary>
    private async ValueTask<T> WriteAsync<T>(Func<NpgsqlConnection, long, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    try
                    {
                        var result = await work(connection, Now()).ConfigureAwait(false);
                        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                        return result;
                    }
                    catch (PostgresException exception) when (attempt < MaxTransactionAttempts && IsRetryable(exception))
                    {
                        _logger.RetryingTransaction(exception.SqlState, attempt + 1);
                    }
                }
            }
        }
    }

    private static bool IsRetryable(PostgresException exception) =>
        exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;

    /// <summary>Gets the hasher of settled alert keys; set once the schema is migrated, which every operation awaits first.</summary>
    private SettledKeyHasher SettledKeys =>
        _settledKeys ?? throw new InvalidOperationException("The store is used before its schema was migrated.");

    private long Now() => UnixTime.ToMilliseconds(_time.GetUtcNow());

    private static PostgreSqlStoreOptions CheckOptions(PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = OptionsValidation.Validate(options, new PostgreSqlStoreOptionsValidator(), new PostgreSqlStoreOptionsCustomValidator());
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PostgreSqlStoreOptions), validation.Failures);
        }

        return options;
    }
}
