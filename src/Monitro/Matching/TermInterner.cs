namespace Monitro.Matching;

/// <summary>
/// Hands out one string per distinct folded term for the queries compiled together, so that watches sharing a term
/// (a brand in many watches, a common word in many phrases) share its string, and a term already seen costs a look-up
/// by span instead of a new string.
/// </summary>
/// <remarks>Not safe to share between threads: one instance serves one batch of watches compiled on one thread.</remarks>
internal sealed class TermInterner
{
    private readonly HashSet<string> _terms;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    /// <summary>Initializes an empty interner with room for about <paramref name="expectedTerms"/> terms before it grows.</summary>
    public TermInterner(int expectedTerms = 0)
    {
        _terms = new HashSet<string>(expectedTerms, StringComparer.Ordinal);
        _bySpan = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the number of distinct terms handed out.</summary>
    public int Count => _terms.Count;

    /// <summary>Returns the string of a term: the one handed out before for the same characters, or a new one.</summary>
    public string Intern(ReadOnlySpan<char> term)
    {
        if (_bySpan.TryGetValue(term, out var known))
        {
            return known;
        }

        var created = term.ToString();
        _terms.Add(created);
        return created;
    }
}
