using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Monitro.Storage.Sqlite;

/// <summary>Small helpers that keep the SQL of the store readable.</summary>
internal static class SqliteCommandExtensions
{
    /// <summary>Creates a command in a transaction with named parameters, to run once or many times with new values.</summary>
    public static SqliteCommand CreateCommand(this SqliteConnection connection, SqliteTransaction? transaction, string sql, params ReadOnlySpan<string> parameterNames)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }

    /// <summary>Sets the parameters of a command, in the order they were named, and runs it.</summary>
    /// <returns>The number of rows changed.</returns>
    // Once per batch or per post: compiled optimized at once, since on a one-core host the runtime leaves such code unoptimized for most of a stream.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Run(this SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        Bind(command, values);
        return command.ExecuteNonQuery();
    }

    /// <summary>Sets the parameters of a command, in the order they were named.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Bind(this SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    /// <summary>Reads a nullable text column.</summary>
    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
