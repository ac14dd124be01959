using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Monitro.Storage.Sqlite;

/// <summary>Checks <see cref="SqliteStoreOptions"/>; each failure names the option and the reason.</summary>
internal sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            builder.AddError("must be a database path or a connection string", nameof(SqliteStoreOptions.ConnectionString));
        }
        else
        {
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
        }

        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromMinutes(10))
        {
            builder.AddError("must be between zero and ten minutes", nameof(SqliteStoreOptions.BusyTimeout));
        }

        if (options.MaxTextLength is < 1 or > 100_000_000)
        {
            builder.AddError("must be between 1 and 100,000,000", nameof(SqliteStoreOptions.MaxTextLength));
        }

        return builder.Build();
    }
}
