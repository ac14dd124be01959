namespace Monitro.Testing;

/// <summary>
/// Where the tests find the field's reference suites: <c>shared/conformance/</c> beside the repository
/// (CI lays <c>shared</c> beside the clone), or the folder named by <c>MONITRO_CONFORMANCE</c>. The suites are
/// read at run time and never copied into the repository. Without them the conformance tests are skipped with
/// the reason, unless <c>MONITRO_REQUIRE_CONFORMANCE=1</c> (as in CI) asks for them: then they fail.
/// </summary>
public static class ConformanceData
{
    /// <summary>The variable that names the conformance folder explicitly.</summary>
    public const string VariableName = "MONITRO_CONFORMANCE";

    /// <summary>The variable that turns a missing suite into a failure.</summary>
    public const string RequireVariableName = "MONITRO_REQUIRE_CONFORMANCE";

    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>Gets the conformance folder, or <see langword="null"/> when there is none.</summary>
    public static string? Folder => Found.Value;

    /// <summary>Gets a value indicating whether a missing suite must fail the run.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariableName) == "1";

    /// <summary>Gets why a suite's tests are skipped, or <see langword="null"/> when they run (or must run).</summary>
    /// <param name="suite">The suite's path below the conformance folder, such as <c>twitter-text/extract.yml</c>.</param>
    public static string? SkipReason(string suite)
    {
        if (Required || SuitePath(suite) is not null)
        {
            return null;
        }

        return $"the conformance suite {suite} is not here: it is read from shared/conformance beside the repository " +
            $"(or the folder in {VariableName}); set {RequireVariableName}=1 to fail instead of skipping.";
    }

    /// <summary>Gets the full path of a suite, or fails with the reason when it is missing.</summary>
    /// <param name="suite">The suite's path below the conformance folder.</param>
    public static string Require(string suite) => SuitePath(suite) ?? throw new InvalidOperationException(
        $"{RequireVariableName}=1 but the conformance suite {suite} was not found (looked in {VariableName} and in shared/conformance beside the repository).");

    private static string? SuitePath(string suite)
    {
        if (Folder is null)
        {
            return null;
        }

        var path = Path.Combine(Folder, suite);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    private static string? Find()
    {
        var value = Environment.GetEnvironmentVariable(VariableName);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return Directory.Exists(value) ? value : null;
        }

        // The repository root is the folder above the test assembly (artifacts/bin/...) that holds Monitro.sln.
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Monitro.sln")))
            {
                var conformance = folder.Parent is null ? null : Path.Combine(folder.Parent.FullName, "shared", "conformance");
                return conformance is not null && Directory.Exists(conformance) ? conformance : null;
            }
        }

        return null;
    }
}
