namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>
/// Where the tests find PostgreSQL: the connection string in <c>MONITRO_POSTGRES</c>, or in the
/// <c>artifacts/postgres.env</c> file that <c>.ci/postgres.sh start</c> writes. Without one, the tests that need
/// the server are skipped, unless <c>MONITRO_REQUIRE_POSTGRES=1</c> asks for them: then they fail.
/// </summary>
internal static class PostgresEnvironment
{
    public const string VariableName = "MONITRO_POSTGRES";
    public const string RequireVariableName = "MONITRO_REQUIRE_POSTGRES";

    private static readonly Lazy<string?> Found = new(Find);

    public static string? ConnectionString => Found.Value;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariableName) == "1";

    /// <summary>Gets why the PostgreSQL tests are skipped, or <see langword="null"/> when they run (or must run).</summary>
    public static string? SkipReason => ConnectionString is null && !Required
        ? $"PostgreSQL is not configured: set {VariableName} (run `eval \"$(.ci/postgres.sh start)\"`), or {RequireVariableName}=1 to fail instead of skipping."
        : null;

    /// <summary>Gets the connection string, or fails the test with the reason when there is none.</summary>
    public static string Require() => ConnectionString ?? throw new InvalidOperationException(
        $"{RequireVariableName}=1 but PostgreSQL is not configured: {VariableName} is not set and no artifacts/postgres.env was found. Run `eval \"$(.ci/postgres.sh start)\"` first.");

    private static string? Find()
    {
        var value = Environment.GetEnvironmentVariable(VariableName);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        // The env file sits in the repository's artifacts folder, above the test assembly (artifacts/bin/...).
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var file = Path.Combine(folder.FullName, "artifacts", "postgres.env");
            if (!File.Exists(file))
            {
                file = folder.Name == "artifacts" ? Path.Combine(folder.FullName, "postgres.env") : file;
            }

            if (File.Exists(file))
            {
                foreach (var line in File.ReadAllLines(file))
                {
                    if (line.StartsWith(VariableName + "=", StringComparison.Ordinal))
                    {
                        var connection = line[(VariableName.Length + 1)..].Trim().Trim('\'', '"');
                        return connection.Length > 0 ? connection : null;
                    }
                }
            }
        }

        return null;
    }
}
