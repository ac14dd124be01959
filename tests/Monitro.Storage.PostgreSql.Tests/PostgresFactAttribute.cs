namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>A fact that needs PostgreSQL: skipped with the reason when it is not configured (unless required).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresEnvironment.SkipReason;
}
