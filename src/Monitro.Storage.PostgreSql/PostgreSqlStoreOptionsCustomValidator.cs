using Microsoft.Extensions.Options;
using Npgsql;

namespace Monitro.Storage.PostgreSql;

/// <summary>Validates what attributes cannot in <see cref="PostgreSqlStoreOptions"/>: that the connection string parses and names a host.</summary>
internal sealed class PostgreSqlStoreOptionsCustomValidator : IValidateOptions<PostgreSqlStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            builder.AddError("must be an Npgsql connection string", nameof(PostgreSqlStoreOptions.ConnectionString));
            return builder.Build();
        }

        try
        {
            var connection = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(connection.Host))
            {
                builder.AddError("names no host", nameof(PostgreSqlStoreOptions.ConnectionString));
            }
        }
        catch (ArgumentException exception)
        {
            builder.AddError($"is not a valid Npgsql connection string ({exception.Message})", nameof(PostgreSqlStoreOptions.ConnectionString));
        }

        return builder.Build();
    }
}
