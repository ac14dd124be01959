using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Monitro.Storage.Sqlite;

/// <summary>
/// A statement of the per-row writes, prepared once on a connection and run with values set by position, through
/// SQLite's own interface rather than a <see cref="SqliteCommand"/>.
/// </summary>
/// <remarks>
/// <para>Why: for every row a command looks each of its parameters up by name, converts each string value to a new
/// UTF-8 array, boxes each number and creates a data reader; on the rows of a commit (about 35 values a stored post)
/// that was about a sixth of the processor time of a stream into SQLite. Here a value is bound where it lies (a
/// string as UTF-16, which SQLite converts itself), with no allocation.</para>
/// <para>Values are set with <see cref="Text"/>, <see cref="Integer"/> and <see cref="Real"/> by the position of the
/// parameter's name in the list given at preparation; every value is set before each <see cref="Run"/>. Errors are
/// thrown as the <see cref="SqliteException"/> a command would throw. Not thread-safe: used under the store's
/// write gate, or by one write.</para>
/// </remarks>
internal sealed class RowStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _indexes;

    /// <summary>Initializes a new instance of the <see cref="RowStatement"/> class: prepares one statement.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="sql">One SQL statement.</param>
    /// <param name="parameterNames">The names of its parameters, in the order their values are set.</param>
    /// <exception cref="SqliteException">The statement does not prepare.</exception>
    public RowStatement(SqliteConnection connection, string sql, params ReadOnlySpan<string> parameterNames)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
        _indexes = new int[parameterNames.Length];
        for (var i = 0; i < parameterNames.Length; i++)
        {
            _indexes[i] = raw.sqlite3_bind_parameter_index(_statement, parameterNames[i]);
            if (_indexes[i] == 0)
            {
                _statement.Dispose();
                throw new ArgumentException($"The statement has no parameter {parameterNames[i]}.", nameof(parameterNames));
            }
        }
    }

    /// <summary>Sets a text value, or SQL NULL.</summary>
    /// <returns>This statement.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RowStatement Text(int position, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_statement, _indexes[position]) : raw.sqlite3_bind_text16(_statement, _indexes[position], value));
        return this;
    }

    /// <summary>Sets an integer value, or SQL NULL.</summary>
    /// <returns>This statement.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RowStatement Integer(int position, long? value)
    {
        Check(value is { } number ? raw.sqlite3_bind_int64(_statement, _indexes[position], number) : raw.sqlite3_bind_null(_statement, _indexes[position]));
        return this;
    }

    /// <summary>Sets a floating-point value, or SQL NULL.</summary>
    /// <returns>This statement.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RowStatement Real(int position, double? value)
    {
        Check(value is { } number ? raw.sqlite3_bind_double(_statement, _indexes[position], number) : raw.sqlite3_bind_null(_statement, _indexes[position]));
        return this;
    }

    /// <summary>Runs the statement with the values set.</summary>
    /// <returns>The number of rows it changed.</returns>
    /// <exception cref="SqliteException">The statement failed (a constraint, a full disk, …).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Run()
    {
        try
        {
            int result;
            while ((result = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                // A statement that returns rows is run to its end; the rows are not read.
            }

            Check(result == raw.SQLITE_DONE ? raw.SQLITE_OK : result);
            return raw.sqlite3_changes(_database);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Finalizes the statement; done before its connection closes.</summary>
    public void Dispose() => _statement.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }
}
