namespace Monitro.Storage.PostgreSql.Tests;

/// <summary>
/// Where the tests find PostgreSQL: the connection string in <c>MONITRO_POSTGRES</c>, or in the
/// <c>artifacts/postgres.env</c> file that <c>.ci/postgres.sh start</c> writes (which also names the cluster's data
/// directory, for the tests that read its files). Without one, the tests that need
/// the server are skipped, unless <c>MONITRO_REQUIRE_POSTGRES=1</c> asks for them: then they fail.
/// </summary>
internal static class PostgresEnvironment
{
    public const string VariableName = "MONITRO_POSTGRES";
    public const string RequireVariableName = "MONITRO_REQUIRE_POSTGRES";
    public const string DataDirectoryVariableName = "MONITRO_POSTGRES_DATA_DIR";

    private static readonly Lazy<string?> Found = new(() => Find(VariableName));
    private static readonly Lazy<string?> FoundDataDirectory = new(() => Find(DataDirectoryVariableName));

    public static string? ConnectionString => Found.Value;

    /// <summary>Gets the data directory of the test cluster (set by <c>.ci/postgres.sh start</c>), or <see langword="null"/> for a server of unknown files.</summary>
    public static string? DataDirectory => FoundDataDirectory.Value;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariableName) == "1";

    /// <summary>Gets why the PostgreSQL tests are skipped, or <see langword="null"/> when they run (or must run).</summary>
    public static string? SkipReason => ConnectionString is null && !Required
        ? $"PostgreSQL is not configured: set {VariableName} (run `eval \"$(.ci/postgres.sh start)\"`), or {RequireVariableName}=1 to fail instead of skipping."
        : null;

    /// <summary>Gets why the cluster's files cannot be read, or <see langword="null"/> when they can.</summary>
    public static string? DataDirectorySkipReason =>
        DataDirectory is null
            ? $"The data directory of the PostgreSQL cluster is not known: set {DataDirectoryVariableName} (`.ci/postgres.sh start` does)."
            : !Directory.Exists(Path.Combine(DataDirectory, "base")) || !IsReadable(Path.Combine(DataDirectory, "PG_VERSION"))
                ? $"The data directory of the PostgreSQL cluster ({DataDirectory}) is not readable by this process."
                : null;

    /// <summary>Gets the cluster's data directory, or fails the test with the reason when its files cannot be read.</summary>
    public static string RequireDataDirectory() => DataDirectorySkipReason is { } reason ? throw new InvalidOperationException(reason) : DataDirectory!;

    /// <summary>Gets the connection string, or fails the test with the reason when there is none.</summary>
    public static string Require() => ConnectionString ?? throw new InvalidOperationException(
        $"{RequireVariableName}=1 but PostgreSQL is not configured: {VariableName} is not set and no artifacts/postgres.env was found. Run `eval \"$(.ci/postgres.sh start)\"` first.");

    private static string? Find(string variableName)
    {
        var value = Environment.GetEnvironmentVariable(variableName);
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
                    if (line.StartsWith(variableName + "=", StringComparison.Ordinal))
                    {
                        var found = line[(variableName.Length + 1)..].Trim().Trim('\'', '"');
                        return found.Length > 0 ? found : null;
                    }
                }
            }
        }

        return null;
    }

    private static bool IsReadable(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
