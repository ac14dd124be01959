using Monitro.Storage.Testing;

namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>Skips the contract tests of a class when PostgreSQL is not configured (unless required).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : StoreAvailabilityAttribute
{
    public override string? SkipReason => PostgresEnvironment.SkipReason;
}
