using System.ComponentModel.DataAnnotations;

namespace Monitro.Storage.PostgreSql;

/// <summary>Options of <see cref="PostgreSqlMonitroStore"/>.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>Gets or sets the Npgsql connection string of the database (<c>Host=db;Database=crm;Username=monitro;Password=…</c>).</summary>
    /// <value>The default is empty; it must be set.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets the schema that holds Monitro's tables; it is created when missing, so Monitro's tables never mix with the application's.</summary>
    /// <value>The default is <c>monitro</c>. Lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters.</value>
    // The name is written into SQL (search path, CREATE SCHEMA), so only plain identifiers are accepted.
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$")]
    public string SchemaName { get; set; } = "monitro";

    /// <summary>Gets or sets the longest post text the store accepts, in characters; a longer one fails the commit with a clear error.</summary>
    /// <value>The default is 10,000,000. Must be between 1 and 100,000,000.</value>
    [Range(1, 100_000_000)]
    public int MaxTextLength { get; set; } = 10_000_000;
}
