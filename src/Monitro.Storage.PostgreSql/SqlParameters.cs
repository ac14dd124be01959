using Npgsql;
using NpgsqlTypes;

namespace Monitro.Storage.PostgreSql;

/// <summary>Typed positional parameters (<c>$1</c>, <c>$2</c>…): PostgreSQL needs the type even when the value is null.</summary>
internal static class SqlParameters
{
    public static NpgsqlParameter Text(string? value) => Typed(value, NpgsqlDbType.Text);

    public static NpgsqlParameter Json(string? value) => Typed(value, NpgsqlDbType.Jsonb);

    public static NpgsqlParameter Long(long? value) => Typed(value, NpgsqlDbType.Bigint);

    public static NpgsqlParameter Int(int? value) => Typed(value, NpgsqlDbType.Integer);

    public static NpgsqlParameter Double(double? value) => Typed(value, NpgsqlDbType.Double);

    public static NpgsqlParameter Bytes(byte[] value) => Typed(value, NpgsqlDbType.Bytea);

    public static NpgsqlParameter TextArray(string[] value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    public static NpgsqlParameter LongArray(long[] value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint };

    /// <summary>Adds a statement with its parameters to a batch.</summary>
    public static NpgsqlBatchCommand Add(this NpgsqlBatch batch, string sql, params ReadOnlySpan<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        batch.BatchCommands.Add(command);
        return command;
    }

    /// <summary>Creates a command with its parameters.</summary>
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, params ReadOnlySpan<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static NpgsqlParameter Typed(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
