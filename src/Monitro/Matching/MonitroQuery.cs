using Monitro.Matching;

namespace Monitro;

/// <summary>Checks queries in the Monitro query language without adding them to a matcher.</summary>
public static class MonitroQuery
{
    /// <summary>Checks that a query parses and is allowed.</summary>
    /// <param name="query">The query.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="QuerySyntaxException">The query does not parse or is not allowed; the message names the position and what was expected.</exception>
    public static void Validate(string query) => QueryParser.Parse(query);
}
