using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Monitro.Storage.PostgreSql;

/// <summary>Checks <see cref="PostgreSqlStoreOptions"/>; each failure names the option and the reason.</summary>
internal sealed partial class PostgreSqlStoreOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            builder.AddError("must be an Npgsql connection string", nameof(PostgreSqlStoreOptions.ConnectionString));
        }
        else
        {
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
        }

        // The name is written into SQL (search path, CREATE SCHEMA), so only plain identifiers are accepted.
        if (options.SchemaName is null || !SchemaNamePattern().IsMatch(options.SchemaName))
        {
            builder.AddError(
                "must be a plain identifier: lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters",
                nameof(PostgreSqlStoreOptions.SchemaName));
        }

        if (options.MaxTextLength is < 1 or > 100_000_000)
        {
            builder.AddError("must be between 1 and 100,000,000", nameof(PostgreSqlStoreOptions.MaxTextLength));
        }

        return builder.Build();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaNamePattern();
}
