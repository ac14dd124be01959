using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Monitro.Storage.Sqlite;

/// <summary>Validates what attributes cannot in <see cref="SqliteStoreOptions"/>: the busy timeout (a TimeSpan range attribute is not trim-safe) and that the connection string parses and names a database file.</summary>
internal sealed class SqliteStoreOptionsCustomValidator : IValidateOptions<SqliteStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromMinutes(10))
        {
            builder.AddError("must be between zero and ten minutes", nameof(SqliteStoreOptions.BusyTimeout));
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            builder.AddError("must be a database path or a connection string", nameof(SqliteStoreOptions.ConnectionString));
            return builder.Build();
        }

        try
        {
            var dataSource = SqliteConnectionStrings.Build(options.ConnectionString, TimeSpan.Zero).DataSource;
            if (string.IsNullOrWhiteSpace(dataSource))
            {
                builder.AddError("names no database file", nameof(SqliteStoreOptions.ConnectionString));
            }
            else if (SqliteConnectionStrings.IsInMemory(options.ConnectionString))
            {
                builder.AddError("must name a database file: in-memory databases are not supported", nameof(SqliteStoreOptions.ConnectionString));
            }
        }
        catch (ArgumentException exception)
        {
            builder.AddError($"is not a valid SQLite connection string ({exception.Message})", nameof(SqliteStoreOptions.ConnectionString));
        }

        return builder.Build();
    }
}
