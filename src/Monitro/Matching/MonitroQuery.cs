using Monitro.Matching;

namespace Monitro;

/// <summary>Checks queries written in the Monitro query language.</summary>
public static class MonitroQuery
{
    /// <summary>Checks that a query parses and can be matched, as <see cref="IMentionMatcher.AddWatch"/> would.</summary>
    /// <param name="query">The query, for example <c>acme OR "acme corp" -hiring</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="QuerySyntaxException">The query does not parse, only excludes, or has no term that can be looked up; the exception names the reason and the position.</exception>
    public static void Validate(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _ = QueryCompiler.Compile(query);
    }
}
