namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>
/// A fact that reads the files of the test cluster: skipped with the reason when PostgreSQL is not configured, or when
/// its data directory is not known or not readable (a server of one's own), unless <c>MONITRO_REQUIRE_POSTGRES=1</c>
/// asks for it: then it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFilesFactAttribute : FactAttribute
{
    public PostgresFilesFactAttribute() =>
        Skip = PostgresEnvironment.SkipReason ?? (PostgresEnvironment.Required ? null : PostgresEnvironment.DataDirectorySkipReason);
}
