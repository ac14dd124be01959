namespace Monitro.CrashHarness;

/// <summary>
/// Picks the store from the database argument: <c>postgresql:&lt;schema&gt;:&lt;connection string&gt;</c> keeps the data in
/// that schema of a PostgreSQL database; anything else is a SQLite file.
/// </summary>
internal static class StoreSelection
{
    private const string PostgreSqlPrefix = "postgresql:";

    public static IMonitroBuilder UseDatabase(this IMonitroBuilder builder, string database)
    {
        if (!database.StartsWith(PostgreSqlPrefix, StringComparison.Ordinal))
        {
            return builder.UseSqlite(database);
        }

        var rest = database[PostgreSqlPrefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new ArgumentException("A PostgreSQL database is given as postgresql:<schema>:<connection string>.", nameof(database));
        }

        return builder.UsePostgreSql(options =>
        {
            options.SchemaName = rest[..colon];
            options.ConnectionString = rest[(colon + 1)..];
        });
    }
}
