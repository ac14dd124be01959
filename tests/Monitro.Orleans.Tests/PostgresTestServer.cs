namespace Monitro.Orleans.Tests;

/// <summary>
/// The PostgreSQL server of the tests that need one: <c>MONITRO_POSTGRES</c>, as <c>eval "$(.ci/postgres.sh start)"</c>
/// exports it. Without it those tests are skipped with the reason, unless <c>MONITRO_REQUIRE_POSTGRES=1</c> (CI) makes them fail.
/// </summary>
internal static class PostgresTestServer
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("MONITRO_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>Gets why a test is skipped, or <see langword="null"/> when it runs (or must run, and fails without a server).</summary>
    public static string? SkipReason =>
        ConnectionString is null && Environment.GetEnvironmentVariable("MONITRO_REQUIRE_POSTGRES") != "1"
            ? "PostgreSQL is not configured: run `eval \"$(.ci/postgres.sh start)\"` (sets MONITRO_POSTGRES), or set MONITRO_REQUIRE_POSTGRES=1 to fail instead of skipping."
            : null;

    /// <summary>Gets the connection string, or fails the test when it is required but missing.</summary>
    public static string Require() => ConnectionString
        ?? throw new InvalidOperationException("MONITRO_REQUIRE_POSTGRES=1 but MONITRO_POSTGRES is not set: run `eval \"$(.ci/postgres.sh start)\"` first.");

    /// <summary>Gets a schema name no other test uses.</summary>
    public static string NewSchema(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..12];
}
