using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>
/// The store's one write connection, opened (and its pragmas run) once and kept open, with the commands of the
/// per-batch writes prepared once and kept with it.
/// </summary>
/// <remarks>
/// <para>A pooled connection per write paid for the open, the pragmas and the preparation of every statement of a
/// batch, each batch; and on a one-core host the many framework methods of that path kept the runtime compiling
/// until the end of a stream. Used only under the store's write gate, so it needs no lock of its own.</para>
/// <para>The prepared commands are keyed by their SQL; the same SQL is always created with the same parameters.
/// They belong to the writer: callers run them and never dispose them.</para>
/// </remarks>
internal sealed class SqliteWriter : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    private SqliteWriter(SqliteConnection connection) => Connection = connection;

    /// <summary>Gets the open connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>Opens the connection and runs its pragmas.</summary>
    /// <param name="connectionString">The store's connection string.</param>
    /// <param name="pragmas">The pragmas every connection of the store runs.</param>
    /// <param name="cancellationToken">A token that cancels the open.</param>
    /// <returns>The writer.</returns>
    public static async ValueTask<SqliteWriter> OpenAsync(string connectionString, string pragmas, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
            return new SqliteWriter(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

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
